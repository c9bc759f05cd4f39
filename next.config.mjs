/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships its own WASM and data files; bundling it breaks their relative paths.
  serverExternalPackages: ['@electric-sql/pglite', 'pino'],
  poweredByHeader: false,
  typedRoutes: false,
};
export default nextConfig;
