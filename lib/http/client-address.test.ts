import { describe, expect, it } from 'vitest';
import { addressFrom, PEER_HEADER } from './client-address';

const headers =
  (h: Record<string, string>) =>
  (name: string): string | undefined =>
    h[name];

describe("the caller's address", () => {
  it('is the stamped socket address unless a trusted proxy names the first hop', () => {
    const h = headers({ [PEER_HEADER]: '10.0.0.9', 'x-forwarded-for': '203.0.113.7, 10.0.0.9' });
    expect(addressFrom(h, false)).toBe('10.0.0.9');
    expect(addressFrom(h, true)).toBe('203.0.113.7');
    expect(addressFrom(headers({ [PEER_HEADER]: '10.0.0.9' }), true)).toBe('10.0.0.9');
    expect(addressFrom(headers({}), false)).toBe('unknown');
  });
});
