// GET /api/v1/problems/{type}: what a problem type means (logic: server/api/v1/openapi.ts).
import { nextRoute } from "@/server/api/v1/next-route";
import { getProblemType } from "@/server/api/v1/openapi";

export const dynamic = "force-dynamic";
export const GET = nextRoute(getProblemType);
