// GET /api/v1/businesses/{slug}/availability (logic: server/api/v1/availability.ts).
import { getAvailability } from "@/server/api/v1/availability";
import { nextRoute } from "@/server/api/v1/next-route";

export const dynamic = "force-dynamic";
export const GET = nextRoute(getAvailability);
