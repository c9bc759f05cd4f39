import { describe, expect, it } from 'vitest';
import { normaliseEmail, normaliseMobile, normaliseOther } from './identifier-values';

const lenient = { minLength: 6, maxLength: 15, strict: false, defaultCountry: null };

describe('identifier values', () => {
  it('keeps mobiles as digits, strips a leading +, enforces length bounds', () => {
    expect(normaliseMobile('+919804542631', lenient)).toBe('919804542631');
    expect(normaliseMobile(' 4567890 ', lenient)).toBe('4567890');
    expect(normaliseMobile('98045 42631', lenient)).toBeNull();
    expect(normaliseMobile('12345', lenient)).toBeNull();
    expect(normaliseMobile('1234567890123456', lenient)).toBeNull();
  });

  it('checks real numbers in strict mode, with the default country for national numbers', () => {
    const strict = { ...lenient, strict: true, defaultCountry: 'IN' };
    expect(normaliseMobile('9876543210', strict)).toBe('919876543210');
    expect(normaliseMobile('14155552671', strict)).toBe('14155552671');
    expect(normaliseMobile('911234', strict)).toBeNull();
  });

  it('accepts emails of the documented characters, lowercased; refuses rather than cuts long ones', () => {
    expect(normaliseEmail('Tom.Sawyer+1@Example.co.uk')).toBe('tom.sawyer+1@example.co.uk');
    expect(normaliseEmail('a@b')).toBeNull();
    expect(normaliseEmail('a@@b.com')).toBeNull();
    expect(normaliseEmail('a b@c.com')).toBeNull();
    expect(normaliseEmail('a@b..com')).toBeNull();
    expect(normaliseEmail(`${'a'.repeat(250)}@b.com`)).toBeNull();
  });

  it('trims other identifiers and bounds them at 255 characters', () => {
    expect(normaliseOther('  cuid_1  ')).toBe('cuid_1');
    expect(normaliseOther('   ')).toBeNull();
    expect(normaliseOther('x'.repeat(256))).toBeNull();
  });
});
