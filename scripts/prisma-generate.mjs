// Generates the Prisma client into server/generated/prisma when schema.prisma changed.
// Prisma's CLI wants to download its schema engine before it generates anything; that download
// cannot succeed offline and `generate` does not need the engine, so we point the variable at an
// existing file (this one) to skip it.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const schema = readFileSync("prisma/schema.prisma");
const version = JSON.parse(readFileSync("node_modules/prisma/package.json", "utf8")).version;
const stamp = createHash("sha256").update(schema).update(version).digest("hex");
const stampFile = "server/generated/prisma/.schema-hash";

if (existsSync(stampFile) && readFileSync(stampFile, "utf8") === stamp) process.exit(0);

const result = spawnSync("prisma", ["generate"], {
  stdio: ["ignore", "pipe", "pipe"],
  encoding: "utf8",
  env: {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? fileURLToPath(import.meta.url),
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
  },
});
if (result.status !== 0) {
  console.error(result.stdout, result.stderr, "\nprisma generate failed; see the lines above.");
  process.exit(result.status ?? 1);
}
writeFileSync(stampFile, stamp);
