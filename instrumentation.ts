// Runs once when a server process starts, before it answers anything: the start-up module checks the
// environment and readies the embedded database (lib/startup); a bad environment ends the process.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // First, so no request goes unstamped: the caller's socket address, for the credential throttle.
  const { stampPeerAddresses } = await import('@/lib/http/peer-address');
  stampPeerAddresses();
  const { startServerOrExit } = await import('@/lib/startup');
  await startServerOrExit();
}
