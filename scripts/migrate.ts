// `npm run db:migrate`: applies prisma/migrations to DATABASE_URL (or the embedded database).
// This is the deploy step for production; `npm start` runs the same runner itself.
import { parseEnv, sharedEnvShape } from "../server/config-schema";
import { openDatabase, targetFromConfig } from "../server/db";
import { migrateDatabase } from "../server/migrations";
import { z } from "zod";

try {
  const config = parseEnv(z.object(sharedEnvShape), process.env);
  const database = await openDatabase(targetFromConfig(config));
  const result = await migrateDatabase(database, console.log);
  console.log(`${result.applied.length} applied, ${result.alreadyApplied} already up to date (${database.kind}).`);
  await database.close();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
