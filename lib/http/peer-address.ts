// Next.js hands route handlers a web Request, which has no socket; the only way for the caller's
// address to reach them is a header. This stamps one on every request the process's HTTP servers
// receive, before Next sees it, overwriting whatever a client sent under that name. Installed once,
// at start-up, by instrumentation.ts.
import http from 'node:http';
import https from 'node:https';
import { PEER_HEADER } from './client-address';

const g = globalThis as typeof globalThis & { __memberCarePeerStamp?: boolean };

export function stampPeerAddress(req: http.IncomingMessage): void {
  req.headers[PEER_HEADER] = req.socket.remoteAddress ?? 'unknown';
}

export function stampPeerAddresses(): void {
  if (g.__memberCarePeerStamp) return;
  g.__memberCarePeerStamp = true;
  for (const proto of [http.Server.prototype, https.Server.prototype] as http.Server[]) {
    const emit = proto.emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
    proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
      if (event === 'request') stampPeerAddress(args[0] as http.IncomingMessage);
      return emit.call(this, event, ...args);
    } as typeof proto.emit;
  }
}
