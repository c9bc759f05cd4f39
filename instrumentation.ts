// Runs once when a server process starts (Next's instrumentation hook), before it answers requests.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // The caller's socket address, stamped on each request for the credential throttle.
  const { stampPeerAddresses } = await import('@/lib/http/peer-address');
  stampPeerAddresses();
}
