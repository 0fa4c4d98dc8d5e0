// Liveness plus the mode each part runs in (no secrets: only names of modes).
import { NextResponse } from "next/server";
import { appDb } from "@/server/app-db";
import { providerModes } from "@/server/config-schema";
import { env } from "@/server/env";

export const dynamic = "force-dynamic";

export async function GET() {
  const db = await appDb();
  const database = await db.$queryRaw`SELECT 1`.then(
    () => "ok",
    () => "unreachable",
  );
  return NextResponse.json({ ok: database === "ok", database, modes: providerModes(env()) }, {
    status: database === "ok" ? 200 : 503,
  });
}
