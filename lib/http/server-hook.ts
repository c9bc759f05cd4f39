// The one place the app meets the process's HTTP servers before Next.js does, installed once at
// start-up by instrumentation.ts. For every request it:
// 1. stamps the caller's socket address as a header, overwriting whatever a client sent under that
//    name: Next hands route handlers a web Request, which has no socket, so a header is the only way
//    for the address to reach them (lib/http/client-address.ts);
// 2. offers the request to `take` (the API's Node door, lib/api/node-door.ts), which answers it
//    itself or leaves it to Next.
import http from 'node:http';
import https from 'node:https';
import { PEER_HEADER } from './client-address';

/** Answers a request before Next sees it and says true, or says false and leaves it alone. */
export type RequestTaker = (req: http.IncomingMessage, res: http.ServerResponse) => boolean;

const g = globalThis as typeof globalThis & { __memberCareServerHook?: { take: RequestTaker | null } };

export function stampPeerAddress(req: http.IncomingMessage): void {
  req.headers[PEER_HEADER] = req.socket.remoteAddress ?? 'unknown';
}

/** Installs the hook on every HTTP and HTTPS server of the process, once. */
export function hookServers(): void {
  if (g.__memberCareServerHook) return;
  const hook = (g.__memberCareServerHook = { take: null as RequestTaker | null });
  for (const proto of [http.Server.prototype, https.Server.prototype] as http.Server[]) {
    const emit = proto.emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
    proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
      if (event === 'request') {
        const req = args[0] as http.IncomingMessage;
        stampPeerAddress(req);
        if (hook.take?.(req, args[1] as http.ServerResponse)) return true;
      }
      return emit.call(this, event, ...args);
    } as typeof proto.emit;
  }
}

/** From now on, every request is offered to `take` first. */
export function offerRequestsTo(take: RequestTaker): void {
  hookServers();
  g.__memberCareServerHook!.take = take;
}
