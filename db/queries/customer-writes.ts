// The parts a registration (registration.ts) and a change of a customer (customer-care.ts) both write,
// as CTEs of their one statement: the account's channels, the history entries and the search words.
// Each binds the org parameter itself (`orgId`), as every part of those statements does.
import { sql, type SQL } from 'drizzle-orm';
import { jsonParam, param } from '@/db/client';
import { commChannels, customerHistory } from '@/db/schema';
import { EVENT_OF_HISTORY_ACTION } from '@/lib/vocabulary';
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

/**
 * The entries of the JSON parameter `history`, by the caller named in the parameters of HistoryContext.
 * Named `h` in a statement, it answers the entries written, for the events (eventParts).
 */
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
    tail: sql`order by x."position" returning id, customer_id, action, reason, changes, request_id`,
  });
}

const eventOfAction = sql.raw(
  `case h.action ${Object.entries(EVENT_OF_HISTORY_ACTION)
    .map(([action, event]) => `when '${action}' then '${event}'`)
    .join(' ')} end`,
);

/**
 * The outbox's part of a change (after `h`, insertHistory): the history entries written make events,
 * the entries reporting the same event one event (an identifier removed and one added: one
 * identifierChanged), and each event a delivery row per active webhook of the org subscribed to it.
 * A webhook is found by its org (an org has a handful), so when none wants the event this costs one
 * probe of the webhooks' primary key and writes nothing. `e` is materialised (its random id is
 * volatile): every webhook's copy of an event carries the same event id.
 */
export function eventParts(): SQL[] {
  return [
    sql`e as (select ${eventOfAction} as event_name, gen_random_uuid() as event_id, min(h.id) as first_id,
        min(h.customer_id) as customer_id, min(h.request_id) as request_id,
        jsonb_build_object('entries', jsonb_agg(jsonb_build_object('action', h.action, 'reason', h.reason, 'changes', h.changes) order by h.id)) as data
      from h group by 1)`,
    sql`ev as (insert into webhook_deliveries (org_id, webhook_id, customer_id, event_id, event_name, request_id, data)
      select ${orgId}, w.id, e.customer_id, e.event_id, e.event_name, e.request_id, e.data
      from e join webhooks w on w.org_id = ${orgId} and w.active and e.event_name = any(w.event_names)
      order by e.first_id, w.id)`,
  ];
}

/** The folded name words of the JSON array `searchWords` the customer does not hold yet. */
export function insertSearchWords(p: { customerId: SQL; from: SQL }): SQL {
  return sql`insert into customer_search_words (org_id, customer_id, word)
    select ${orgId}, ${p.customerId}, w from ${p.from}, jsonb_array_elements_text(${jsonParam('searchWords')}) w
    on conflict do nothing`;
}
