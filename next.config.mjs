/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships its own WASM and data files; bundling it breaks their relative paths.
  serverExternalPackages: ['@electric-sql/pglite', 'pino'],
  poweredByHeader: false,
  // Separate build folders let the test runner and the benchmark build side by side.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // `npm run typecheck` checks the whole project once (npm test runs it first); the build would
  // repeat it, over build folders of other runs too.
  typescript: { ignoreBuildErrors: true },
  // forbidden() answers a real 403 for staff on admin pages.
  experimental: { authInterrupts: true },
};
export default nextConfig;
