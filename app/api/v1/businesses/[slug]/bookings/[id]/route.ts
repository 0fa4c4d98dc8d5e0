// GET /api/v1/businesses/{slug}/bookings/{id} (logic: server/api/v1/bookings.ts).
import { getBooking } from "@/server/api/v1/bookings";
import { nextRoute } from "@/server/api/v1/next-route";

export const dynamic = "force-dynamic";
export const GET = nextRoute(getBooking);
