// Where a webhook may send: http(s) only; in production never to a private, loopback or link-local
// address (checked at delivery time, after DNS, on the address actually connected to) unless the host
// is in WEBHOOK_ALLOWED_HOSTS; outside production loopback is allowed.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP } from 'node:net';

const privateRanges = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  privateRanges.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  privateRanges.addSubnet(net, prefix, 'ipv6');

const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

function familyOf(address: string): 'ipv4' | 'ipv6' {
  return isIP(address) === 6 ? 'ipv6' : 'ipv4';
}

/** An IPv4 address mapped into IPv6 (::ffff:10.0.0.1) is judged as the IPv4 address. */
function unmapped(address: string): string {
  const m = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return m ? m[1]! : address;
}

export interface TargetPolicy {
  production: boolean;
  allowedHosts: string[];
}

/** Why this address may not be reached from this host name, or null when it may. */
export function refusal(host: string, address: string, policy: TargetPolicy): string | null {
  if (policy.allowedHosts.includes(host.toLowerCase()) || policy.allowedHosts.includes(address)) return null;
  const a = unmapped(address);
  const family = familyOf(a);
  if (!policy.production && loopback.check(a, family)) return null;
  if (privateRanges.check(a, family)) return `address not allowed: ${host} resolves to a private or local address`;
  return null;
}

/** The URL's problem, or null: http(s) only. */
export function urlProblem(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'not a URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'only http and https URLs';
  if (url.username || url.password) return 'no credentials in the URL (use webHookHeaders)';
  return null;
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for http.request: resolves the name, and refuses the connection when an address is
 * not allowed, so the check holds for the address connected to (no second resolution to rebind).
 */
export function checkedLookup(policy: TargetPolicy) {
  return (hostname: string, options: { all?: boolean }, callback: LookupCallback): void => {
    dnsLookup(hostname, { all: true }, (err, addresses) => {
      if (err) return callback(err, '');
      for (const { address } of addresses) {
        const why = refusal(hostname, address, policy);
        if (why) return callback(Object.assign(new Error(why), { code: 'ETARGETREFUSED' }), '');
      }
      if (options.all) return callback(null, addresses);
      const first = addresses[0]!;
      callback(null, first.address, first.family);
    });
  };
}
