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
  typedRoutes: false,
};

export default nextConfig;
