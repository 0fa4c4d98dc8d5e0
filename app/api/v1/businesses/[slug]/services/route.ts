// GET /api/v1/businesses/{slug}/services (logic: server/api/v1/availability.ts).
import { listServices } from "@/server/api/v1/availability";
import { nextRoute } from "@/server/api/v1/next-route";

export const dynamic = "force-dynamic";
export const GET = nextRoute(listServices);
