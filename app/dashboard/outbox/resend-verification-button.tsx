"use client";

import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTRPC } from "@/app/_trpc/client";

export function ResendVerificationButton() {
  const trpc = useTRPC();
  const router = useRouter();
  const resend = useMutation(trpc.account.resendVerification.mutationOptions({ onSuccess: () => router.refresh() }));
  return (
    <div className="flex flex-wrap items-center gap-3">
      <button
        type="button"
        onClick={() => resend.mutate()}
        disabled={resend.isPending}
        className="rounded-md bg-white px-3 py-1.5 text-sm font-medium text-slate-800 ring-1 ring-slate-300 hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600 disabled:opacity-60"
      >
        {resend.isPending ? "Sending…" : "Send a new link"}
      </button>
      <span role="status" className="text-sm">
        {resend.isSuccess && (resend.data.alreadyVerified ? "Your email is already confirmed." : "Sent. The newest link is below.")}
        {resend.isError && <span className="text-red-700">{resend.error.message}</span>}
      </span>
    </div>
  );
}
