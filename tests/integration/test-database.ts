// A new, empty database for a test run or a test file (or a bench run: scripts/bench.mjs), on the server of DATABASE_URL. On Citus
// (CITUS_URL set: `npm run test:citus`) a database is a coordinator's and its workers': Citus keeps its
// metadata per database, so the database is made on each worker with the extension, then on the
// coordinator with the extension and its nodes registered. The migrations then run on the coordinator
// as on any PostgreSQL, and the distribution migration finds `citus` installed.
import postgres from 'postgres';
import { databaseEnv } from '../../db/env';

interface Node {
  host: string;
  port: number;
}

/** True when the run is on a Citus coordinator (npm run test:citus). */
export const onCitus = (): boolean => Boolean(process.env.CITUS_URL);

const urlOn = (base: string, node: Node | null, database: string): string => {
  const url = new URL(base);
  if (node) {
    url.hostname = node.host;
    url.port = String(node.port);
  }
  url.pathname = `/${database}`;
  return url.toString();
};

async function run(url: string, statements: string[]): Promise<void> {
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    for (const s of statements) await client.unsafe(s);
  } finally {
    await client.end();
  }
}

/** The coordinator (group 0) and the workers registered in the database of `serverUrl`. */
async function nodesOf(serverUrl: string): Promise<{ coordinator: Node; workers: Node[] }> {
  const client = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    const rows = await client<{ host: string; port: number; group: number }[]>`
      select nodename as host, nodeport as port, groupid as "group" from pg_dist_node
      where noderole = 'primary' and isactive order by groupid`;
    const workers = rows.filter((r) => r.group !== 0).map(({ host, port }) => ({ host, port }));
    if (!workers.length) throw new Error('CITUS_URL: no worker is registered on this coordinator (citus_add_node)');
    const own = new URL(serverUrl);
    const coordinator = rows.find((r) => r.group === 0) ?? { host: own.hostname, port: Number(own.port || 5432) };
    return { coordinator: { host: coordinator.host, port: coordinator.port }, workers };
  } finally {
    await client.end();
  }
}

/**
 * Creates the database `name` on the server of `serverUrl` (and, on Citus, on its workers); answers
 * its URL, how to drop it, and the servers it is on (`nodes`: the coordinator's URL first, then each
 * worker's, database `postgres`; for the bench's count of database CPU).
 */
export async function createTestDatabase(
  serverUrl: string,
  name: string,
): Promise<{ url: string; drop: () => Promise<void>; nodes: string[] }> {
  const url = urlOn(serverUrl, null, name);
  if (!onCitus()) {
    await run(serverUrl, [`CREATE DATABASE ${name}`]);
    return { url, drop: () => run(serverUrl, [`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`]), nodes: [serverUrl] };
  }
  const { coordinator, workers } = await nodesOf(serverUrl);
  // The app's lock_timeout is a setting of its connections to the coordinator, which Citus does not
  // pass on to its own connections to the workers, where a statement's locks are taken: without it a
  // registration waiting for an identifier's lock ends at the statement timeout (503) instead of 521.
  // It is set for the app's role in that database on each worker, not for the database: Citus's own
  // sessions there (a rebalancer's shard moves, run as another role) must not be cut by it
  // (docs/scaling.md, "Citus, as run").
  const { LOCK_TIMEOUT_MS } = databaseEnv();
  const role = decodeURIComponent(new URL(serverUrl).username || 'postgres');
  for (const w of workers) {
    await run(urlOn(serverUrl, w, 'postgres'), [
      `CREATE DATABASE ${name}`,
      `ALTER ROLE "${role}" IN DATABASE ${name} SET lock_timeout = ${LOCK_TIMEOUT_MS}`,
    ]);
    await run(urlOn(serverUrl, w, name), ['CREATE EXTENSION citus']);
  }
  // 4 shards a table (Citus's default is 32): distributing each test database's 35 tables then takes
  // seconds, not half a minute; still two shards on each worker, so a statement sent to every shard
  // shows a Task Count of 4.
  await run(serverUrl, [`CREATE DATABASE ${name}`, `ALTER DATABASE ${name} SET citus.shard_count = 4`]);
  await run(url, [
    'CREATE EXTENSION citus',
    `SELECT citus_set_coordinator_host('${coordinator.host}', ${coordinator.port})`,
    ...workers.map((w) => `SELECT citus_add_node('${w.host}', ${w.port})`),
  ]);
  return {
    url,
    nodes: [serverUrl, ...workers.map((w) => urlOn(serverUrl, w, 'postgres'))],
    drop: async () => {
      await run(serverUrl, [`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`]);
      for (const w of workers)
        await run(urlOn(serverUrl, w, 'postgres'), [`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`]);
    },
  };
}
