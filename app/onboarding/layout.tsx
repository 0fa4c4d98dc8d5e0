// The onboarding area: a plain top bar (no business yet) and the browser's tRPC client.
import type { Metadata } from "next";
import { TRPCReactProvider } from "@/app/_trpc/client";
import { SignOutButton } from "../dashboard/sign-out-button";

export const metadata: Metadata = { title: "Set up your business · AppointmentScheduler" };

export default function OnboardingLayout({ children }: { children: React.ReactNode }) {
  return (
    <TRPCReactProvider>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-3xl items-center justify-between gap-4 px-4 py-2 sm:px-6">
          <span className="font-semibold">AppointmentScheduler</span>
          <SignOutButton />
        </div>
      </header>
      {children}
    </TRPCReactProvider>
  );
}
