// Runs once when a server process starts, before it answers anything: the server hook, then the
// start-up module, which checks the environment and readies the embedded database (lib/startup); a
// bad environment ends the process. Last, in production, the API's Node door, which answers /v2 and
// /v3 without Next's per-request work (docs/architecture.md, "Two doors"); `next dev` keeps every
// request in Next, where edits reload.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // First, so no request goes unstamped: the caller's socket address, for the credential throttle.
  const { hookServers, offerRequestsTo } = await import('@/lib/http/server-hook');
  hookServers();
  const { startServerOrExit } = await import('@/lib/startup');
  await startServerOrExit();
  const { env } = await import('@/lib/env');
  if (env().NODE_ENV === 'production' && env().API_NODE_DOOR === 'on') {
    const [{ nodeDoor }, { NODE_DOOR_ROUTES }, { log }] = await Promise.all([
      import('@/lib/api/node-door'),
      import('@/app/node-door-routes'),
      import('@/lib/log'),
    ]);
    offerRequestsTo(nodeDoor(NODE_DOOR_ROUTES));
    log.info({ routes: NODE_DOOR_ROUTES.length }, 'API Node door: /v2 and /v3 answered without Next');
  }
}
