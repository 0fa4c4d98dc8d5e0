import type { ListedAppointment } from "./types";

export const statusLabels: Record<ListedAppointment["status"], string> = {
  held: "Held (waitlist offer)",
  booked: "Booked",
  completed: "Completed",
  cancelled: "Cancelled",
  no_show: "No-show",
};
