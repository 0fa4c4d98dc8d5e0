// POST /api/v1/businesses/{slug}/bookings/{id}/reschedule (logic: server/api/v1/change-booking.ts).
import { rescheduleBooking } from "@/server/api/v1/change-booking";
import { nextRoute } from "@/server/api/v1/next-route";

export const dynamic = "force-dynamic";
export const POST = nextRoute(rescheduleBooking);
