// Generated hostile bodies for POST /v2/customers: a published example with fresh identifiers (so it
// could be accepted), mutated at one to three unrelated paths of its schema. Each body says where the
// edge must refuse it (NUL, lone surrogates, numbers past a column, nesting past the limit); other
// mutations (wrong types, SQL-looking or huge strings, huge arrays, unknown keys) may be accepted or not.
import fc from 'fast-check';
import { MAX_BODY_BYTES } from '@/lib/api/handler';
import { SEED_EXAMPLES } from '@/lib/api/examples';

type Path = (string | number)[];

/** JSON text put into the body as it is: numbers JSON.stringify cannot write, nesting thousands deep. */
class Raw {
  constructor(readonly text: string) {}
}

export interface Generated {
  text: string;
  idempotent: boolean;
  /**
   * Paths at (or under) which the answer must be a 400 naming them: by the edge (all of them, as it
   * reports every such value up to its cap), or by the schema (when the edge let the body through).
   */
  refusedAt: { path: Path; by: 'edge' | 'schema' }[];
  tooBig: boolean;
}

interface Hostile {
  value: unknown;
  /** The edge refuses it wherever it is put. */
  refused: boolean;
}

export const SQL_LOOKING = [
  "Robert'); DROP TABLE customers;--",
  "' OR '1'='1",
  '1; DELETE FROM identity_keys',
  "x' UNION SELECT secret_hash FROM api_clients --",
  '$1::text',
  "E'\\\\x41'",
  '%; select pg_sleep(10); --',
  '"; TRUNCATE audit_log CASCADE; --',
  '\\\\ \\N',
  "O'Brien",
] as const;

/** What no column holds: the test's own statement of the rule (UTF-8 cannot carry a lone surrogate). */
const unstorable = (s: string) => s.includes('\u0000') || Buffer.from(s, 'utf8').toString('utf8') !== s;

const text = (s: fc.Arbitrary<string>): fc.Arbitrary<Hostile> => s.map((v) => ({ value: v, refused: unstorable(v) }));
const plain = (a: fc.Arbitrary<unknown>): fc.Arbitrary<Hostile> => a.map((v) => ({ value: v, refused: false }));

const SURROGATES = ['\ud800', '\udbff', '\udc00', '\udfff', '\udc00\ud800'];
const RAW_NUMBERS = ['18446744073709551616', '1.8e308', '-1.8e308', '1e400', '-1e400', '1e-400', '9'.repeat(40)];

function deepRaw(depth: number, arrays: boolean): Raw {
  return new Raw(arrays ? `${'['.repeat(depth)}${']'.repeat(depth)}` : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`);
}

const hostileValue: fc.Arbitrary<Hostile> = fc.oneof(
  text(fc.constantFrom(...SQL_LOOKING)),
  text(fc.tuple(fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 })).map(([a, b]) => `${a}\u0000${b}`)),
  text(fc.tuple(fc.string({ maxLength: 8 }), fc.constantFrom(...SURROGATES)).map(([a, s]) => `${a}${s}`)),
  text(fc.string({ unit: 'binary', maxLength: 30 })),
  text(fc.integer({ min: 256, max: 20_000 }).map((n) => 'x'.repeat(n))),
  plain(fc.double({ noNaN: true, noDefaultInfinity: true })),
  plain(fc.constantFrom(2 ** 64, -(2 ** 64), 2 ** 31, -(2 ** 31) - 1, 1e15, 1e300, -1, 0, 0.0005, 2 ** 53 + 2)),
  fc.constantFrom(...RAW_NUMBERS).map((t) => ({ value: new Raw(t), refused: !Number.isFinite(Number(t)) })),
  fc.tuple(fc.integer({ min: 40, max: 6000 }), fc.boolean()).map(([d, a]) => ({ value: deepRaw(d, a), refused: true })),
  plain(fc.constantFrom(null, true, false, 0, '', [], {}, 'x', [1, 'a', null], { a: { b: [] } })),
  plain(fc.array(fc.constantFrom('a', 1, null), { minLength: 500, maxLength: 3000 })),
);

/** A key for an object: unknown, prototype-looking, SQL-looking, or one no column holds. */
const hostileKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('unknownKey', '__proto__', 'constructor', 'prototype', '$where', ''),
  fc.constantFrom(...SQL_LOOKING),
  fc.constantFrom('a\u0000b', '\ud800', 'x\udfff'),
  fc.string({ maxLength: 10 }),
);

/** Numbers of the schema that land in a column, and values past that column's range (db/schema). */
const INT4_PAST = [2 ** 31, -(2 ** 31) - 1, 2 ** 64, 1e300];
const COLUMN_NUMBERS: Record<string, number[]> = {
  programId: INT4_PAST,
  tierNumber: INT4_PAST,
  seriesId: INT4_PAST,
  loyaltyPoints: [1e15, 2 ** 64, 1.8e16, 1e300], // numeric(18, 3)
};
const isColumnNumber = (key: unknown) => typeof key === 'string' && Object.hasOwn(COLUMN_NUMBERS, key);

type Mutation =
  | { kind: 'replace'; at: number; with: Hostile }
  | { kind: 'addKey'; at: number; key: string; with: Hostile }
  | { kind: 'hugeArray'; at: number; size: number }
  | { kind: 'delete'; at: number }
  | { kind: 'pastColumn'; at: number; pick: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), with: hostileValue }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('addKey' as const), at: fc.nat(), key: hostileKey, with: hostileValue }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('hugeArray' as const),
      at: fc.nat(),
      size: fc.integer({ min: 100, max: 3000 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('pastColumn' as const), at: fc.nat(), pick: fc.nat() }) },
);

function toJson(v: unknown): string {
  if (v instanceof Raw) return v.text;
  if (Array.isArray(v)) return `[${v.map(toJson).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    return `{${Object.entries(v)
      .map(([k, x]) => `${JSON.stringify(k)}:${toJson(x)}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

/** Every node of the body but the root, as paths, in document order. */
function pathsOf(v: unknown, path: Path = [], out: Path[] = []): Path[] {
  if (v instanceof Raw || v === null || typeof v !== 'object') return out;
  const entries: [string | number, unknown][] = Array.isArray(v) ? [...v.entries()] : Object.entries(v);
  for (const [k, x] of entries) {
    out.push([...path, k]);
    pathsOf(x, [...path, k], out);
  }
  return out;
}

function at(root: unknown, path: Path): unknown {
  return path.reduce<unknown>((node, k) => (node as Record<string | number, unknown>)[k], root);
}

/** Sets an own, enumerable property, even one named __proto__. */
function put(parent: unknown, key: string | number, value: unknown): void {
  Object.defineProperty(parent, key, { value, enumerable: true, writable: true, configurable: true });
}

const related = (a: Path, b: Path) => {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n).every((k, i) => k === b[i]);
};

let counter = 0;
const freshValue = (type: string, tag: string) =>
  type === 'mobile'
    ? `9${tag}`
    : type === 'email'
      ? `h${tag}@example.com`
      : type === 'cardnumber'
        ? `7${tag}`
        : `${type}-${tag}`;

/** The example with identifiers (profiles' and changeIdentifier's additions) no other body of the run has. */
function freshen(example: unknown): Record<string, unknown> {
  type Id = { type: string; value: string };
  const body = structuredClone(example) as { profiles?: { identifiers?: Id[] }[]; add?: Id[] };
  const n = String(++counter).padStart(7, '0');
  body.profiles?.forEach((p, pi) =>
    p.identifiers?.forEach((id, ii) => (id.value = freshValue(id.type, `${n}${pi}${ii}`))),
  );
  body.add?.forEach((id, ii) => (id.value = freshValue(id.type, `${n}9${ii}`)));
  return body as Record<string, unknown>;
}

function mutate(base: Record<string, unknown>, mutations: Mutation[]): Omit<Generated, 'idempotent' | 'tooBig'> {
  const body = base;
  const done: Path[] = [];
  const refusedAt: Generated['refusedAt'] = [];
  for (const m of mutations) {
    const candidates = pathsOf(body).filter((p) => !done.some((d) => related(d, p)));
    const columnPaths = candidates.filter((p) => isColumnNumber(p[p.length - 1]));
    const pool = m.kind === 'pastColumn' && columnPaths.length ? columnPaths : candidates;
    if (pool.length === 0) break;
    const path = pool[m.at % pool.length]!;
    const parent = at(body, path.slice(0, -1));
    const key = path[path.length - 1]!;
    const node = at(body, path);
    done.push(path);
    if (m.kind === 'replace') {
      put(parent, key, m.with.value);
      if (m.with.refused) refusedAt.push({ path, by: 'edge' });
    } else if (m.kind === 'pastColumn') {
      if (isColumnNumber(key)) {
        const past = COLUMN_NUMBERS[key]!;
        put(parent, key, past[m.pick % past.length]);
        refusedAt.push({ path, by: 'schema' });
      } else put(parent, key, 2 ** 64);
    } else if (m.kind === 'delete') {
      // Removing an array element would move its siblings (and the paths expected above): null it instead.
      if (Array.isArray(parent)) put(parent, key, null);
      else delete (parent as Record<string, unknown>)[key];
    } else if (m.kind === 'hugeArray') {
      put(
        parent,
        key,
        Array.from({ length: m.size }, () => structuredClone(Array.isArray(node) ? node[0] : node)),
      );
    } else {
      const isObject = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v);
      const targetPath = isObject(node) ? path : isObject(parent) ? path.slice(0, -1) : null;
      if (targetPath === null) continue;
      put(at(body, targetPath), m.key, m.with.value);
      done.push([...targetPath, m.key]);
      if (unstorable(m.key)) refusedAt.push({ path: targetPath, by: 'edge' });
      else if (m.with.refused) refusedAt.push({ path: [...targetPath, m.key], by: 'edge' });
    }
  }
  return { text: toJson(body), refusedAt };
}

const REGISTRATIONS: readonly unknown[] = Object.values(SEED_EXAMPLES);

/**
 * A mutated example (by default the published registrations), or (one time in ten) a body that is
 * not a JSON object at all.
 */
export function hostileBody(examples: readonly unknown[] = REGISTRATIONS): fc.Arbitrary<Generated> {
  const mutated = fc
    .tuple(fc.nat({ max: examples.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 3 }), fc.boolean())
    .map(([i, mutations, idempotent]) => ({ ...mutate(freshen(examples[i]), mutations), idempotent }));
  const notAnObject = fc
    .oneof(
      fc.constantFrom('[]', '"x"', 'null', '5', '', '{', '{"profiles":[}', '\u0000', '{"a":1}garbage'),
      fc.nat().map((n) => {
        const t = toJson(freshen(examples[n % examples.length]));
        return t.slice(0, 1 + (n % (t.length - 1)));
      }),
    )
    .map((t) => ({ text: t, refusedAt: [{ path: [], by: 'edge' as const }] }))
    .chain((g) => fc.boolean().map((idempotent) => ({ ...g, idempotent })));
  return fc.oneof({ weight: 9, arbitrary: mutated }, { weight: 1, arbitrary: notAnObject }).map((g) => {
    const tooBig = Buffer.byteLength(g.text) > MAX_BODY_BYTES;
    return { ...g, tooBig, refusedAt: tooBig ? [] : g.refusedAt };
  });
}
