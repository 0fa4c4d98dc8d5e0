// POST /api/v1/businesses/{slug}/bookings (logic: server/api/v1/bookings.ts).
import { createBooking } from "@/server/api/v1/bookings";
import { nextRoute } from "@/server/api/v1/next-route";

export const dynamic = "force-dynamic";
export const POST = nextRoute(createBooking);
