import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ACTOR_TYPES,
  API_CLIENT_KINDS,
  canonicalIdentifierType,
  canonicalSource,
  CUSTOMER_STATUSES,
  REGION_NAMES,
  REGION_RATE_LIMITS,
  REGIONS,
  STATUS_NAMES,
} from './vocabulary';

describe('the vocabulary', () => {
  it('imports nothing, so the browser, the proxy and db/schema may all load it', () => {
    const source = readFileSync(path.join(import.meta.dirname, 'vocabulary.ts'), 'utf8');
    expect(source).not.toMatch(/^\s*import\b/m);
    expect(source).not.toMatch(/\brequire\(|\bimport\(/);
  });

  it('names and limits every region and names every status', () => {
    expect(Object.keys(REGION_RATE_LIMITS).sort()).toEqual([...REGIONS].sort());
    expect(Object.keys(REGION_NAMES).sort()).toEqual([...REGIONS].sort());
    expect(Object.keys(STATUS_NAMES).sort()).toEqual([...CUSTOMER_STATUSES].sort());
  });

  it('makes every API client kind an actor, and staff one too', () => {
    expect(ACTOR_TYPES).toEqual([...API_CLIENT_KINDS, 'STAFF']);
  });

  it('matches words case-insensitively and answers the stored spelling', () => {
    expect(canonicalSource(' wechat ')).toBe('WECHAT');
    expect(canonicalIdentifierType('EXTERNALID')).toBe('externalId');
    expect(canonicalSource('MYSPACE')).toBeUndefined();
  });
});
