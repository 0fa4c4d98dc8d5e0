// The web process's Prisma client, from its configuration (see server/db.ts for how `npm start`
// shares one database between Next.js and the in-process voice worker).
import { getDatabase, type Db } from "./db";
import { env } from "./env";

export async function appDb(): Promise<Db> {
  return (await getDatabase(env())).prisma;
}
