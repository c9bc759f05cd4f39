// One attempt of one delivery: POST the signed envelope, and what the answer means for the next.
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import type { AttemptOutcome, ClaimedDelivery } from '@/db/queries/webhooks';
import { envelopeOf } from './payload';
import { signatureHeader } from './sign';
import { checkedLookup, refusal, urlProblem, type TargetPolicy } from './target';

export const DELIVERY_TIMEOUT_MS = 10_000;
const RETRY_FOR_MS = 3 * 24 * 3600_000;
const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 3600_000;

/** Exponential backoff with jitter: about 1 s after the first attempt, doubling, at most an hour. */
export function retryDelayMs(attempt: number, random = Math.random()): number {
  const base = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.min(attempt - 1, 30));
  return Math.round(base * (0.5 + random / 2));
}

/** 408, 429 and 5xx are tried again; 2xx is delivered; any other answer fails at once. */
function outcomeOfStatus(status: number): 'delivered' | 'retry' | 'failed' {
  if (status >= 200 && status < 300) return 'delivered';
  if (status === 408 || status === 429 || status >= 500) return 'retry';
  return 'failed';
}

interface Answer {
  status: number | null;
  error: string | null;
}

/**
 * Connections kept open between deliveries (a new TCP and TLS handshake per event cost the app and
 * the receiver more than the POST), one pool per target policy: a connection is made only after
 * `checkedLookup` let its address through under that policy, so reusing it is sending to an address
 * already checked.
 */
const agents = new Map<string, http.Agent>();
function agentFor(protocol: string, policy: TargetPolicy): http.Agent {
  const key = `${protocol}${JSON.stringify(policy)}`;
  let agent = agents.get(key);
  if (!agent) {
    const options = { keepAlive: true, maxSockets: 50, timeout: DELIVERY_TIMEOUT_MS };
    agent = protocol === 'https:' ? new https.Agent(options) : new http.Agent(options);
    agents.set(key, agent);
  }
  return agent;
}

/** POSTs `body` to `url`; never throws: a connection error or a timeout is an answer without status. */
function post(url: URL, headers: Record<string, string>, body: string, policy: TargetPolicy): Promise<Answer> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) {
    const why = refusal(host, host, policy);
    if (why) return Promise.resolve({ status: null, error: why });
  }
  const request = url.protocol === 'https:' ? https.request : http.request;
  return new Promise((resolve) => {
    const req = request(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': Buffer.byteLength(body) },
        timeout: DELIVERY_TIMEOUT_MS,
        lookup: checkedLookup(policy) as never,
        agent: agentFor(url.protocol, policy),
      },
      (res) => {
        // The answer's body is not kept: only its status counts.
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? null, error: null }));
        res.on('error', () => resolve({ status: res.statusCode ?? null, error: null }));
      },
    );
    const timer = setTimeout(
      () => req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })),
      DELIVERY_TIMEOUT_MS,
    );
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
    req.on('error', (err: NodeJS.ErrnoException) => resolve({ status: null, error: errorText(err) }));
    req.on('close', () => clearTimeout(timer));
    req.end(body);
  });
}

/** The error recorded in the delivery log: its code, or for a refused target why (no secrets, no bodies). */
function errorText(err: NodeJS.ErrnoException): string {
  if (err.code === 'ETARGETREFUSED') return err.message;
  if (err.code === 'ETIMEDOUT') return `timed out after ${DELIVERY_TIMEOUT_MS / 1000} s`;
  return err.code ?? err.name;
}

/** Sends one attempt of a claimed delivery, signed with `secret`; what to record of it. */
export async function attemptDelivery(
  d: ClaimedDelivery,
  secret: string,
  policy: TargetPolicy,
  now = Date.now(),
): Promise<AttemptOutcome> {
  const problem = urlProblem(d.url);
  if (problem) return { kind: 'failed', lastStatus: null, lastError: problem };
  const body = JSON.stringify(envelopeOf(d));
  const headers: Record<string, string> = {
    ...d.headers,
    'content-type': 'application/json',
    'user-agent': 'member-care-webhooks/1',
    'x-mc-event-id': d.eventId,
    'x-mc-signature': signatureHeader(secret, body, Math.floor(now / 1000)),
  };
  const answer = await post(new URL(d.url), headers, body, policy);
  const kind = answer.status === null ? 'retry' : outcomeOfStatus(answer.status);
  const base = { lastStatus: answer.status, lastError: answer.error };
  if (kind !== 'retry') return { kind, ...base };
  const inMs = retryDelayMs(d.attempt);
  if (Date.now() + inMs - d.retryingSinceMs > RETRY_FOR_MS)
    return { kind: 'failed', ...base, lastError: answer.error ?? 'gave up after 3 days of retries' };
  return { kind: 'retry', inMs, ...base };
}
