// The parts a registration (registration.ts) and a change of a customer (customer-care.ts) both write,
// as CTEs of their one statement: the account's channels, the history entries and the search words.
// Each binds the org parameter itself (`orgId`), as every part of those statements does.
import { sql, type SQL } from 'drizzle-orm';
import { jsonParam, param } from '@/db/client';
import { commChannels, customerHistory } from '@/db/schema';
import { insertFromJson, type JsonRow } from './json-insert';

export const orgId = param('orgId');

/** A channel of a source account, as stored. */
export type ChannelRow = JsonRow<
  typeof commChannels,
  'type' | 'value' | 'primary' | 'verified' | 'subscribed' | 'meta'
>;

/** Channels from the JSON parameter `channels`, in their order (`position`), of the account `account`. */
export function insertChannels(p: { account: SQL; from: SQL; on?: SQL; also?: Record<string, string> }): SQL {
  return insertFromJson({
    table: commChannels,
    rows: jsonParam('channels'),
    set: { orgId, sourceAccountId: p.account },
    fromJson: ['position', 'type', 'value', 'primary', 'verified', 'subscribed', 'meta'],
    also: p.also,
    from: p.from,
    on: p.on,
  });
}

/** One history entry, in the JSON parameter `history`; `position` orders the entries' ids. */
export type HistoryEntryRow = JsonRow<typeof customerHistory, 'action' | 'reason' | 'changes'> & { position: number };

/** The entries of the JSON parameter `history`, by the caller named in the parameters of HistoryContext. */
export function insertHistory(p: { customerId: SQL; from: SQL }): SQL {
  return insertFromJson({
    table: customerHistory,
    rows: jsonParam('history'),
    set: {
      orgId,
      customerId: p.customerId,
      actorType: param('actorType'),
      actorCode: param('actorCode'),
      requestId: param('requestId'),
      userContext: jsonParam('userContext'),
    },
    fromJson: ['action', 'reason', 'changes'],
    also: { position: 'integer' },
    from: p.from,
    tail: sql`order by x."position"`,
  });
}

/** The folded name words of the JSON array `searchWords` the customer does not hold yet. */
export function insertSearchWords(p: { customerId: SQL; from: SQL }): SQL {
  return sql`insert into customer_search_words (org_id, customer_id, word)
    select ${orgId}, ${p.customerId}, w from ${p.from}, jsonb_array_elements_text(${jsonParam('searchWords')}) w
    on conflict do nothing`;
}
