// Prisma CLI configuration. The app never reads this: server/db.ts builds the client with a
// driver adapter, and scripts/migrate.ts applies prisma/migrations itself (see README, "Database").
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/unused" },
});
