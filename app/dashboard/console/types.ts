// What the console procedures return, as the page's components see it.
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/root";

type Outputs = inferRouterOutputs<AppRouter>["console"];

export type ConsoleSetup = Outputs["setup"];
export type Conversation = Outputs["start"];
export type Turn = Conversation["turns"][number];
export type ToolCall = Turn["tools"][number];
export type CallerAppointment = Conversation["appointments"][number];
