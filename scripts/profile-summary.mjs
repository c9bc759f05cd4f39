#!/usr/bin/env node
// Where a server's CPU went, from a .cpuprofile (npm run bench -- --profile DIR, or node --cpu-prof).
// usage: node scripts/profile-summary.mjs FILE.cpuprofile [REQUESTS] [TOP=25]
// Frames of the production build are mapped back to the sources through the chunks' .map files.
// Prints busy time (per request when REQUESTS is given) by package or source file, self and
// inclusive ("any frame of this file on the stack"), so the project's own share stands apart
// from Next's, Node's and the drivers'. Sampled wall time while busy: compare shares, not absolutes.
import { readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';

const [file, requests = '0', top = '25'] = process.argv.slice(2);
if (!file) {
  console.error('usage: node scripts/profile-summary.mjs FILE.cpuprofile [REQUESTS] [TOP]');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, 'utf8'));
const maps = new Map();

function sourceMapOf(url) {
  if (!maps.has(url)) {
    let map = null;
    try {
      const path = url.startsWith('file://') ? fileURLToPath(url) : url;
      map = new SourceMap(JSON.parse(readFileSync(`${path}.map`, 'utf8')));
    } catch {
      // no map: the frame keeps its generated location
    }
    maps.set(url, map);
  }
  return maps.get(url);
}

/** "lib/api/handler.ts", "next", "postgres", "node", "(garbage collector)", ... */
function placeOf({ url, lineNumber, columnNumber, functionName }) {
  if (!url) return `(${functionName || 'native'})`;
  if (url.startsWith('node:') || !url.includes('/')) return 'node';
  // Only the build's own chunks are mapped (packages' maps point into their own sources).
  const entry = /\/server\/(chunks|app)\//.test(url)
    ? sourceMapOf(url)?.findEntry(lineNumber, columnNumber)
    : undefined;
  const source = decodeURIComponent(entry?.originalSource ?? url);
  const pkg = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(source);
  // drizzle-orm's own maps point to ../src, which the build's map folds into node_modules/src.
  if (pkg) return pkg[1] === 'src' ? 'drizzle-orm' : pkg[1];
  if (/next-server|\/next\//.test(source)) return 'next';
  // The build's maps name the project's files ../../../<path> (or turbopack:///[project]/<path>).
  return entry ? source.replace(/^.*\[project\]\//, '').replace(/^(\.\.\/)+/, '') : source;
}

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const place = new Map(profile.nodes.map((n) => [n.id, placeOf(n.callFrame)]));
const ours = (p) => /^(app|lib|db)\//.test(p) || p === 'proxy.ts';

const self = new Map();
const inclusive = new Map();
let busy = 0;
let idle = 0;
let withOurs = 0;
for (let i = 0; i < profile.samples.length; i++) {
  const id = profile.samples[i];
  const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
  if (byId.get(id).callFrame.functionName === '(idle)') {
    idle += ms;
    continue;
  }
  busy += ms;
  const leaf = place.get(id);
  self.set(leaf, (self.get(leaf) ?? 0) + ms);
  const seen = new Set();
  for (let n = id; n !== undefined; n = parent.get(n)) seen.add(place.get(n));
  for (const p of seen) if (ours(p)) inclusive.set(p, (inclusive.get(p) ?? 0) + ms);
  if ([...seen].some(ours)) withOurs += ms;
}

const n = Number(requests);
const amount = (ms) =>
  n > 0 ? `${((ms * 1000) / n).toFixed(0).padStart(6)} µs/req` : `${ms.toFixed(0).padStart(7)} ms`;
const share = (ms) => `${((100 * ms) / busy).toFixed(1).padStart(5)}%`;
const list = (m) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, Number(top))
    .map(([k, ms]) => `  ${amount(ms)} ${share(ms)}  ${k}`)
    .join('\n');

console.log(`busy ${amount(busy)} (idle ${idle.toFixed(0)} ms)`);
console.log(`with the project's code on the stack: ${amount(withOurs)} ${share(withOurs)}`);
console.log(`self time by package or source file:\n${list(self)}`);
console.log(`inclusive time of the project's files:\n${list(inclusive)}`);
