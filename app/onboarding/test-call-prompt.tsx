"use client";
// Shown once on the dashboard right after onboarding (`?welcome=1`): the business's number and
// the local way to try the receptionist without a phone line (the call simulator).
import { useQuery } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTRPC } from "@/app/_trpc/client";

export function TestCallPrompt() {
  const params = useSearchParams();
  const pathname = usePathname();
  const router = useRouter();
  const trpc = useTRPC();
  const b = params.get("b");
  const show = pathname === "/dashboard" && params.get("welcome") === "1" && Boolean(b);
  const profile = useQuery({ ...trpc.settings.profile.queryOptions({ businessId: b ?? "" }), enabled: show });
  if (!show) return null;
  const number = profile.data?.phoneNumbers[0]?.e164 ?? profile.data?.contactPhone ?? "";
  const command = `npm run call -- --to ${number || "<your number>"} --say "Hi, can I book an appointment for tomorrow morning?"`;
  return (
    <section aria-labelledby="test-call-title" className="border-t border-brand-600/20 bg-brand-50">
      <div className="mx-auto flex max-w-7xl flex-col gap-2 px-4 py-3 sm:flex-row sm:items-start sm:justify-between sm:px-6">
        <div className="min-w-0 space-y-1 text-sm">
          <h2 id="test-call-title" className="font-semibold text-brand-700">
            Your receptionist is ready. Make a test call!
          </h2>
          <p className="text-slate-700">
            Call <span className="font-medium tabular-nums">{number || "your business number"}</span> and ask for an appointment. No phone line connected yet? Simulate the call on this computer:
          </p>
          <code data-testid="call-simulator-command" className="block overflow-x-auto whitespace-nowrap rounded bg-white px-2 py-1.5 font-mono text-xs text-slate-800 ring-1 ring-slate-200">
            {command}
          </code>
        </div>
        <button
          type="button"
          onClick={() => router.replace(`/dashboard?b=${encodeURIComponent(b!)}`)}
          className="shrink-0 self-start rounded-md px-3 py-1.5 text-sm text-slate-600 ring-1 ring-slate-300 hover:bg-white focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600"
        >
          Dismiss
        </button>
      </div>
    </section>
  );
}
