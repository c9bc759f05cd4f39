// Runs once when a server process starts, before it answers anything: the server hook, then the
// start-up module, which checks the environment and readies the embedded database (lib/startup); a
// bad environment ends the process.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // First, so no request goes unstamped: the caller's socket address, for the credential throttle;
  // and in production the API's Node door, which answers /v2 and /v3 without Next's per-request work
  // (docs/architecture.md, "Two doors"). `next dev` keeps every request in Next, where edits reload.
  const { hookServers } = await import('@/lib/http/server-hook');
  if (process.env.NODE_ENV === 'production' && process.env.API_NODE_DOOR !== 'off') {
    const [{ nodeDoor }, { NODE_DOOR_ROUTES }] = await Promise.all([
      import('@/lib/api/node-door'),
      import('@/app/node-door-routes'),
    ]);
    hookServers(nodeDoor(NODE_DOOR_ROUTES));
  } else {
    hookServers();
  }
  const { startServerOrExit } = await import('@/lib/startup');
  await startServerOrExit();
}
