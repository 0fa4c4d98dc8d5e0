// POST /api/v1/businesses/{slug}/bookings/{id}/cancel (logic: server/api/v1/change-booking.ts).
import { cancelBooking } from "@/server/api/v1/change-booking";
import { nextRoute } from "@/server/api/v1/next-route";

export const dynamic = "force-dynamic";
export const POST = nextRoute(cancelBooking);
