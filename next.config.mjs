// Every response, pages, API and static files alike, and Strict-Transport-Security only over HTTPS
// (behind a proxy that says so; browsers ignore it over plain HTTP anyway): docs/api.md, "Security
// headers". The server (server.ts) sends the same list with the API's answers, which Next never sees.
import securityHeaders from './lib/http/security-headers.json' with { type: 'json' };

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships its own WASM and data files; bundling it breaks their relative paths.
  serverExternalPackages: ['@electric-sql/pglite', 'pino'],
  poweredByHeader: false,
  // Separate build folders let the test runner and the benchmark build side by side.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // `npm run build` runs `tsc --noEmit` first (and npm test's first stage is the typecheck), so a
  // deploy never skips the check; next build's own would repeat it, over other runs' build folders too.
  typescript: { ignoreBuildErrors: true },
  // `next dev` would write AGENTS.md into the repository (npm run dev runs server.ts, which does not,
  // but `npx next dev` still works): a fresh clone stays clean after its first run.
  agentRules: false,
  experimental: {
    // forbidden() answers a real 403 for staff on admin pages.
    authInterrupts: true,
    agentUpgrade: false,
    agentFeedback: false,
  },
  // The Content-Security-Policy of pages is set per request, with its nonce, by proxy.ts.
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders.always },
      {
        source: '/:path*',
        has: [{ type: 'header', key: 'x-forwarded-proto', value: 'https' }],
        headers: securityHeaders.overHttps,
      },
    ];
  },
};
export default nextConfig;
