import { describe, expect, it } from 'vitest';
import { parseCustomerId } from './customer-id';

describe('parseCustomerId', () => {
  it('reads a customer id', () => {
    expect(parseCustomerId('100000001')).toBe(100000001);
    expect(parseCustomerId('1')).toBe(1);
    expect(parseCustomerId(String(Number.MAX_SAFE_INTEGER))).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('refuses what is not a whole positive number', () => {
    for (const text of ['', '0', '-5', '+5', '1.0', '1e9', ' 12', '12 ', 'abc', '0x1F', '１２']) {
      expect(parseCustomerId(text), text).toBeNull();
    }
  });

  it('refuses ids too large to be exact, rather than reading another customer', () => {
    expect(parseCustomerId('9007199254740993')).toBeNull(); // 2^53 + 1 would read as 2^53
    expect(parseCustomerId('9223372036854775807')).toBeNull();
  });
});
