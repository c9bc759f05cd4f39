/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships its own WASM and data files; bundling it breaks their relative paths.
  serverExternalPackages: ['@electric-sql/pglite', 'pino'],
  poweredByHeader: false,
  // Separate build folders let the test runner and the benchmark build side by side.
  distDir: process.env.NEXT_DIST_DIR || '.next',
};
export default nextConfig;
