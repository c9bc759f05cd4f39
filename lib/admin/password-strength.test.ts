import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-strength';

describe('passwordProblem', () => {
  it.each(['Admin@12345', 'password1234', 'qwertyuiop12', 'aaaaaaaaaaaaaaaa'])('refuses %s', (p) => {
    expect(passwordProblem(p)).toEqual(expect.any(String));
  });

  it('refuses a long password built from the person’s own email', () => {
    expect(passwordProblem('sam.clerk@acme.example', ['sam.clerk@acme.example'])).toEqual(expect.any(String));
  });

  it.each(['correct horse battery staple', 'U84QAnYHvZrbb7Xr', 'tulip-granite-orbit-74'])('accepts %s', (p) => {
    expect(passwordProblem(p)).toBeNull();
  });
});
