// What the appointments procedures return, as the page's components see it.
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/root";

type Outputs = inferRouterOutputs<AppRouter>["appointments"];

export type AppointmentList = Outputs["list"];
export type ListedAppointment = AppointmentList["appointments"][number];
export type BookingOptions = Outputs["options"];
export type Slot = Outputs["availability"]["slots"][number];
export type SlotOutcome = Outputs["book"];
export type SlotProblem = Extract<SlotOutcome, { ok: false }>;
export type BookedAppointment = Extract<SlotOutcome, { ok: true }>["appointment"];
