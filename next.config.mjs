/** @type {import('next').NextConfig} */
const nextConfig = {
  // Loaded from node_modules at run time rather than bundled: PGlite reads its WebAssembly and
  // data files next to its own module, and the native argon2 binding cannot be bundled.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@prisma/adapter-pg",
    "pg",
    "@node-rs/argon2",
    "pino",
  ],
  poweredByHeader: false,
  // Type checking is its own step (`npm run typecheck`, run by CI over the whole project,
  // worker and tests included); repeating it inside every build only slows `npm start`.
  typescript: { ignoreBuildErrors: true },
  typedRoutes: false,
};

export default nextConfig;
