// The counter's search (docs/api.md, "Search"): identifiers exactly or by prefix, names by word prefix.
// Every part is a range of an index, read in index order and cut at the limit: never a scan, however
// many customers share a prefix. Ranges use text_pattern_ops (`~>=~`, `~<~`): the collation is not C;
// ordering `using ~<~` is that index's own order, so the planner reads it in order instead of sorting.
import { sql, type SQL } from 'drizzle-orm';
import { execRows, type DbOrTx } from '@/db/client';

export interface PrefixRange {
  /** The prefix itself, the range's lower bound. */
  from: string;
  /** The first string after every string starting with the prefix; null: no upper bound. */
  to: string | null;
}

export interface SearchPlan {
  orgId: number;
  /** Stored forms an identifier may have for this query (as typed, lowercased, digits only). */
  exact: string[];
  /** The same, as prefixes (queries of 4 characters or more). */
  prefixes: PrefixRange[];
  /** Folded words of the query; a customer matches when each is the prefix of one of its name words. */
  words: PrefixRange[];
  /** Rows wanted of each part (the caller merges, de-duplicates and cuts). */
  limit: number;
}

export interface SearchMatch {
  customerId: number;
  /** 0: an identifier exactly, 1: an identifier by prefix, 2: a name. */
  rank: number;
}

function inRange(column: SQL, r: PrefixRange): SQL {
  return r.to === null ? sql`${column} ~>=~ ${r.from}` : sql`${column} ~>=~ ${r.from} and ${column} ~<~ ${r.to}`;
}

/** The statement of findSearchMatches (scripts/search-plan.ts explains it); null when nothing can match. */
export function searchMatchesSql(plan: SearchPlan): SQL | null {
  const { orgId, limit } = plan;
  const parts: SQL[] = [];
  if (plan.exact.length) {
    parts.push(sql`(select customer_id, 0 as rank, 0 as part from identifiers
      where org_id = ${orgId} and value in (${sql.join(
        plan.exact.map((v) => sql`${v}`),
        sql`, `,
      )})
      order by customer_id limit ${limit})`);
  }
  plan.prefixes.forEach((r, i) => {
    parts.push(sql`(select customer_id, 1 as rank, ${i + 1} as part from identifiers
      where org_id = ${orgId} and ${inRange(sql`value`, r)}
      order by value using ~<~, customer_id limit ${limit})`);
  });
  const [lead, ...rest] = plan.words;
  if (lead) {
    // The other words are checked on each customer found, by probing that customer's own words (two or
    // three rows) through the primary key. OFFSET 0 keeps the check a subplan run per row (PostgreSQL
    // never turns such a subquery into a join), and `|| ''` keeps starts_with off the word index: as an
    // index range it rated a prefix's words as one row and joined them to every customer found, a
    // quadratic read (measured at a million customers: 150 ms for "ean ggo", 6 ms this way).
    const others = rest.map(
      (r) => sql` and exists (select 1 from customer_search_words o
        where o.org_id = ${orgId} and o.org_id = w.org_id and o.customer_id = w.customer_id
          and starts_with(o.word || '', ${r.from}) offset 0)`,
    );
    parts.push(sql`(select w.customer_id, 2 as rank, ${plan.prefixes.length + 1} as part from customer_search_words w
      where w.org_id = ${orgId} and ${inRange(sql`w.word`, lead)}${sql.join(others)}
      order by w.word using ~<~, w.customer_id limit ${limit})`);
  }
  return parts.length ? sql`select customer_id, rank from (${sql.join(parts, sql` union all `)}) m` : null;
}

/** The customers matching, best first: exact identifiers, identifier prefixes, names (each in index order). */
export async function findSearchMatches(db: DbOrTx, plan: SearchPlan): Promise<SearchMatch[]> {
  const statement = searchMatchesSql(plan);
  if (!statement) return [];
  // Planned with its values each time: how many rows a prefix range holds decides the plan.
  const rows = await execRows<{ customer_id: string | number; rank: number }>(db, statement, { planEach: true });
  return rows.map((r) => ({ customerId: Number(r.customer_id), rank: Number(r.rank) }));
}

export interface SimilarNamesPlan {
  orgId: number;
  /** Folded words of the query, 3 characters or more, the longest (the lead) first. */
  words: string[];
  /**
   * Where the lead's near words are read: one typo leaves the start or the end of a word intact
   * (lib/customers/search.ts, oneTypoRanges), so every word one typo from the lead starts with
   * `prefix` or ends with the reverse of `reversedSuffix`.
   */
  prefix: PrefixRange;
  reversedSuffix: PrefixRange;
  limit: number;
}

/**
 * Names near the query's, when the prefix search found nothing. The lead word's candidates are two
 * ranges of btree indexes read as index-only scans: words starting with the lead's first letters
 * (customer_search_words_word_idx) and words ending with its last ones (customer_search_words_reverse_idx,
 * on reverse(word)), each filtered in the index by length (±1) and by edit distance
 * (fuzzystrmatch's levenshtein_less_equal, at most 2: a swap of two letters is 2 there; the caller keeps
 * those one typo away) and cut at the limit. Each other word must start one of that customer's words or
 * be similar to one (pg_trgm's `%`), checked per customer through the primary key as above.
 */
export function similarNamesSql(plan: SimilarNamesPlan): SQL | null {
  const [lead, ...rest] = plan.words;
  if (!lead) return null;
  const { orgId, limit } = plan;
  const length = [...lead].length;
  const near = sql`length(w.word) between ${length - 1} and ${length + 1}
    and levenshtein_less_equal(w.word, ${lead}, 2) <= 2${sql.join(
      rest.map(
        (r) => sql` and exists (select 1 from customer_search_words o
          where o.org_id = ${orgId} and o.org_id = w.org_id and o.customer_id = w.customer_id
            and (starts_with(o.word || '', ${r}) or o.word % ${r}) offset 0)`,
      ),
    )}`;
  return sql`select customer_id, word from (
    (select w.customer_id, w.word from customer_search_words w
      where w.org_id = ${orgId} and ${inRange(sql`w.word`, plan.prefix)} and ${near}
      order by w.word using ~<~, w.customer_id limit ${limit})
    union all
    (select w.customer_id, w.word from customer_search_words w
      where w.org_id = ${orgId} and ${inRange(sql`reverse(w.word)`, plan.reversedSuffix)} and ${near}
      order by reverse(w.word) using ~<~, w.word, w.customer_id limit ${limit})) m`;
}

export interface SimilarName {
  customerId: number;
  word: string;
}

export async function findSimilarNames(db: DbOrTx, plan: SimilarNamesPlan): Promise<SimilarName[]> {
  const statement = similarNamesSql(plan);
  if (!statement) return [];
  const rows = await execRows<{ customer_id: string | number; word: string }>(db, statement, { planEach: true });
  return rows.map((r) => ({ customerId: Number(r.customer_id), word: r.word }));
}

export interface SearchCard {
  id: number;
  statusLabel: string | null;
  accounts: { source: string; accountId: string; firstName: string | null; lastName: string | null }[];
  identifiers: { type: string; value: string }[];
}

/**
 * What the search shows of each customer: status label, source accounts (INSTORE first) and identifiers.
 * Each subquery binds the org parameter itself, as the search's own do: Citus routes a statement to the
 * org's shard only when every table in it is filtered by the org (docs/scaling.md, "Citus").
 */
export async function loadSearchCards(db: DbOrTx, orgId: number, ids: number[]): Promise<SearchCard[]> {
  if (!ids.length) return [];
  const rows = await execRows<{
    id: string | number;
    status_label: string | null;
    accounts: SearchCard['accounts'] | string | null;
    identifiers: SearchCard['identifiers'] | string | null;
  }>(
    db,
    sql`select c.id, sl.name as status_label,
      (select jsonb_agg(jsonb_build_object('source', sa.source, 'accountId', sa.account_id,
                          'firstName', sa.first_name, 'lastName', sa.last_name)
                        order by (sa.source <> 'INSTORE'), sa.id)
         from source_accounts sa where sa.customer_id = c.id and sa.org_id = ${orgId} and sa.org_id = c.org_id) as accounts,
      (select jsonb_agg(jsonb_build_object('type', i.type, 'value', i.value) order by (sa.source <> 'INSTORE'), sa.id, i.position)
         from source_accounts sa
         join identifiers i on i.org_id = sa.org_id and i.source_account_id = sa.id
         where sa.customer_id = c.id and sa.org_id = ${orgId} and sa.org_id = c.org_id) as identifiers
    from customers c
    left join status_labels sl on sl.org_id = c.org_id and sl.id = c.status_label_id
    where c.org_id = ${orgId} and c.id in (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )})`,
  );
  const parse = <T>(v: T[] | string | null): T[] => (typeof v === 'string' ? (JSON.parse(v) as T[]) : (v ?? []));
  return rows.map((r) => ({
    id: Number(r.id),
    statusLabel: r.status_label,
    accounts: parse(r.accounts),
    identifiers: parse(r.identifiers),
  }));
}
