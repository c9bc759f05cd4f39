// The SQL of the write path as PostgreSQL receives it, pinned in db/queries/__snapshots__/: a change
// to a statement shows in review as a change of these files (update them with `vitest -u`). A statement
// of steps also shows its PL/pgSQL body, the form it takes on Citus.
import { describe, expect, it } from 'vitest';
import type { Statement } from '@/db/client';
import { changeStatement, deleteIdentifiersStatement, releaseIdentityKeyStatement } from './customer-care';
import { registrationStatements } from './registration';

/** The text with the name of the value behind each `$n`. */
const rendered = (s: Statement) =>
  `${s.text.trim()}\n\n-- parameters\n${s.names.map((name, i) => `-- $${i + 1}: ${name}`).join('\n')}\n` +
  (s.body ? `\n-- as a PL/pgSQL body of plain statements (on Citus)\n${s.body}\n` : '');

describe('the write statements', () => {
  it("a new customer's registration", async () => {
    await expect(rendered(registrationStatements.new)).toMatchFileSnapshot('__snapshots__/registration-new.sql');
  });
  it('a source account added to an existing customer', async () => {
    await expect(rendered(registrationStatements.existing)).toMatchFileSnapshot(
      '__snapshots__/registration-existing.sql',
    );
  });
  it('a change of a customer (PUT /v2/customers/{id}, changeIdentifier)', async () => {
    await expect(rendered(changeStatement)).toMatchFileSnapshot('__snapshots__/customer-change.sql');
  });
  it("changeIdentifier's removal: the identifiers in one statement, then each identity key", async () => {
    await expect(rendered(deleteIdentifiersStatement)).toMatchFileSnapshot('__snapshots__/delete-identifiers.sql');
    await expect(rendered(releaseIdentityKeyStatement)).toMatchFileSnapshot('__snapshots__/release-identity-key.sql');
  });
});
