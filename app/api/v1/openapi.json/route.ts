// GET /api/v1/openapi.json (logic: server/api/v1/openapi.ts).
import { nextRoute } from "@/server/api/v1/next-route";
import { getOpenApi } from "@/server/api/v1/openapi";

export const dynamic = "force-dynamic";
export const GET = nextRoute(getOpenApi);
