// The parts a registration (registration.ts) and a change of a customer (customer-care.ts) both write,
// as steps of their statement (db/client.ts, statementOfSteps): the account's channels, the history
// entries and their events, and the search words.
// Each binds the org parameter itself (`orgId`), as every part of those statements does.
import { sql, type SQL } from 'drizzle-orm';
import { cteOf, jsonParam, param, type InsertParts, type Step } from '@/db/client';
import { commChannels, customerHistory } from '@/db/schema';
import { EVENT_OF_HISTORY_ACTION } from '@/lib/vocabulary';
import { insertOf, jsonInsert, type JsonRow } from './json-insert';

export const orgId = param('orgId');

/** A channel of a source account, as stored. */
export type ChannelRow = JsonRow<
  typeof commChannels,
  'type' | 'value' | 'primary' | 'verified' | 'subscribed' | 'meta'
>;

/** Channels from the JSON parameter `channels`, in their order (`position`), of the account `account`. */
export function insertChannels(p: { account: SQL; from: SQL; on?: SQL; also?: Record<string, string> }): InsertParts {
  return jsonInsert({
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
export function insertHistory(p: { customerId: SQL; from: SQL }): InsertParts {
  return jsonInsert({
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
    order: sql`x."position"`,
    tail: 'returning id, customer_id, action, reason, changes, request_id',
  });
}

const eventOfAction = sql.raw(
  `case h.action ${Object.entries(EVENT_OF_HISTORY_ACTION)
    .map(([action, event]) => `when '${action}' then '${event}'`)
    .join(' ')} end`,
);

/** insertHistory as the step `h` of a statement of steps, reading `reads`. */
export function historyStep(p: { customerId: SQL; from: SQL; reads: string[] }): Step {
  return {
    name: 'h',
    reads: p.reads,
    returns: 'id bigint, customer_id bigint, action text, reason text, changes jsonb, request_id text',
    insert: insertHistory(p),
  };
}

/**
 * The outbox's part of a change (after `h`, historyStep): the history entries written make events,
 * the entries reporting the same event one event (an identifier removed and one added: one
 * identifierChanged), and each event a delivery row per active webhook of the org subscribed to it.
 * The org's active webhooks (`wh`, an org has a handful) are read on their own, by the org alone, and
 * matched to the events after: when none wants the event this costs one probe of the webhooks'
 * primary key and writes nothing, and on Citus the read is a query of one table by its distribution
 * column, which Citus routes without planning a join (docs/scaling.md, "Citus"). `e` is materialised
 * (its random id is volatile): every webhook's copy of an event carries the same event id.
 */
export function eventSteps(): Step[] {
  return [
    {
      name: 'e',
      reads: ['h'],
      returns: 'event_name text, event_id uuid, first_id bigint, customer_id bigint, request_id text, data jsonb',
      query: sql`select ${eventOfAction} as event_name, gen_random_uuid() as event_id, min(h.id) as first_id,
        min(h.customer_id) as customer_id, min(h.request_id) as request_id,
        jsonb_build_object('entries', jsonb_agg(jsonb_build_object('action', h.action, 'reason', h.reason, 'changes', h.changes) order by h.id)) as data
      from h group by 1`,
    },
    {
      name: 'wh',
      returns: 'id integer, event_names text[]',
      query: sql`select id, event_names from webhooks where org_id = ${orgId} and active`,
    },
    {
      name: 'ev',
      reads: ['e', 'wh'],
      insert: insertOf(
        'webhook_deliveries',
        ['org_id', 'webhook_id', 'customer_id', 'event_id', 'event_name', 'request_id', 'data'],
        [orgId, sql`wh.id`, sql`e.customer_id`, sql`e.event_id`, sql`e.event_name`, sql`e.request_id`, sql`e.data`],
        sql`from e join wh on e.event_name = any(wh.event_names)
      order by e.first_id, wh.id`,
      ),
    },
  ];
}

/** eventSteps as CTEs, for a statement that is not one of steps. */
export const eventParts = (): SQL[] => eventSteps().map(cteOf);

/** The folded name words of the JSON array `searchWords` the customer does not hold yet. */
export function insertSearchWords(p: { customerId: SQL; from: SQL }): InsertParts {
  return insertOf(
    'customer_search_words',
    ['org_id', 'customer_id', 'word'],
    [orgId, p.customerId, sql`w`],
    sql`from ${p.from}, jsonb_array_elements_text(${jsonParam('searchWords')}) w`,
    'on conflict do nothing',
  );
}
