import { describe, expect, it } from 'vitest';
import {
  DEADLOCK,
  FOREIGN_KEY_VIOLATION,
  isDatabaseUnavailable,
  isRetryable,
  LOCK_NOT_AVAILABLE,
  pgErrorCode,
  pgErrorConstraint,
  UNIQUE_VIOLATION,
} from './errors';

/** An error as drizzle throws it: its own message, the driver's error in `cause`. */
const wrapped = (cause: object) => Object.assign(new Error('Failed query: insert into …'), { cause });

describe('a unique violation', () => {
  it('on PostgreSQL: 23505, the constraint from the driver', () => {
    const err = wrapped({
      code: '23505',
      constraint_name: 'identity_keys_org_id_type_value_pk',
      message: 'duplicate key value violates unique constraint "identity_keys_org_id_type_value_pk"',
    });
    expect(pgErrorCode(err)).toBe(UNIQUE_VIOLATION);
    expect(pgErrorConstraint(err)).toBe('identity_keys_org_id_type_value_pk');
    expect(isRetryable(err)).toBe(true);
  });

  it("on Citus, met in a statement's step on a worker: XX000 naming the shard's constraint, read as 23505", () => {
    const err = wrapped({
      code: 'XX000',
      message: 'duplicate key value violates unique constraint "identity_keys_org_id_type_value_pk_102345"',
    });
    expect(pgErrorCode(err)).toBe(UNIQUE_VIOLATION);
    expect(pgErrorConstraint(err)).toBe('identity_keys_org_id_type_value_pk');
    expect(isRetryable(err)).toBe(true);
  });

  it("on Citus, routed to one shard: 23505 with the shard's constraint name", () => {
    const err = wrapped({ code: '23505', constraint_name: 'staff_users_email_key_102041' });
    expect(pgErrorConstraint(err)).toBe('staff_users_email_key');
  });

  it('leaves other internal errors alone', () => {
    const err = wrapped({ code: 'XX000', message: 'could not connect to the worker' });
    expect(pgErrorCode(err)).toBe('XX000');
    expect(pgErrorConstraint(err)).toBeUndefined();
    expect(isRetryable(err)).toBe(false);
  });
});

describe("Citus's other errors met in a statement's step (XX000 with the worker's message)", () => {
  it('a lock wait cut by lock_timeout is 55P03 (answered 521)', () => {
    const err = wrapped({ code: 'XX000', message: 'canceling statement due to lock timeout' });
    expect(pgErrorCode(err)).toBe(LOCK_NOT_AVAILABLE);
    expect(isRetryable(err)).toBe(false);
  });

  it('a deadlock is 40P01 and retried', () => {
    const err = wrapped({ code: 'XX000', message: 'deadlock detected' });
    expect(pgErrorCode(err)).toBe(DEADLOCK);
    expect(isRetryable(err)).toBe(true);
  });

  it('a statement timeout is 57014: the database did not answer in time (503)', () => {
    const err = wrapped({ code: 'XX000', message: 'canceling statement due to statement timeout' });
    expect(pgErrorCode(err)).toBe('57014');
    expect(isDatabaseUnavailable(err)).toBe(true);
  });

  it("a foreign-key violation is 23503, the constraint without the shard's suffix", () => {
    const err = wrapped({
      code: 'XX000',
      message:
        'insert or update on table "identifiers_102041" violates foreign key constraint "identifiers_customer_fk_102041"',
    });
    expect(pgErrorCode(err)).toBe(FOREIGN_KEY_VIOLATION);
    expect(pgErrorConstraint(err)).toBe('identifiers_customer_fk');
  });
});
