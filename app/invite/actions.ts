"use server";
// Accepting an invitation is a POST (this action), never a side effect of opening the link.
import { redirect } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { createContext } from "@/server/trpc/context";
import { createCaller } from "@/server/trpc/root";

export type AcceptState = { error: string | null };

export async function acceptInvitationAction(_prev: AcceptState, form: FormData): Promise<AcceptState> {
  const token = String(form.get("token") ?? "");
  let businessId: string;
  try {
    ({ businessId } = await createCaller(await createContext()).members.accept({ token }));
  } catch (error) {
    if (error instanceof TRPCError) return { error: error.code === "UNAUTHORIZED" ? "Sign in first, then accept the invitation." : error.message };
    throw error;
  }
  redirect(`/dashboard?b=${encodeURIComponent(businessId)}`);
}
