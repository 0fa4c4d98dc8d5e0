"use client";

import { signOut } from "next-auth/react";

/** Signs out and comes back to the same invitation, to continue with the invited address. */
export function SwitchAccountButton({ returnTo }: { returnTo: string }) {
  return (
    <button
      type="button"
      onClick={() => void signOut({ callbackUrl: returnTo })}
      className="rounded-md bg-white px-4 py-2.5 font-medium text-slate-800 ring-1 ring-slate-300 hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600"
    >
      Sign out and switch account
    </button>
  );
}
