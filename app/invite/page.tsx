// Opened from an invitation mail. Signed out: sign in or create an account with the invited
// address, then come back here. Signed in with that address: one button joins the business.
import Link from "next/link";
import { AuthShell, cardClass, FormAlert, linkClass } from "@/app/login/auth-ui";
import { createContext } from "@/server/trpc/context";
import { createCaller } from "@/server/trpc/root";
import { AcceptInvitationForm } from "./accept-form";
import { SwitchAccountButton } from "./switch-account-button";

export const dynamic = "force-dynamic";

const roleWords = { owner: "an owner", admin: "an admin", staff: "a staff member" } as const;

export default async function InvitePage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const { token } = await searchParams;
  const ctx = await createContext();
  const api = createCaller(ctx);
  const invitation = token ? await api.members.invitation({ token }) : null;

  if (!token || !invitation || invitation.state === "revoked") {
    return (
      <AuthShell title="Invitation not found">
        <FormAlert>This invitation link isn&apos;t valid. It may have been withdrawn; ask for a new one.</FormAlert>
      </AuthShell>
    );
  }
  const here = `/invite?token=${encodeURIComponent(token)}`;
  const me = ctx.userId ? await api.account.me() : null;
  const title = `Join ${invitation.businessName}`;
  const subtitle = `${invitation.inviterName ?? "A team member"} invited ${invitation.email} to join as ${roleWords[invitation.role]}.`;

  if (invitation.state === "accepted") {
    return (
      <AuthShell title={title}>
        <FormAlert tone="info">This invitation has already been used.</FormAlert>
        <Link href={me ? "/dashboard" : `/login?next=${encodeURIComponent("/dashboard")}`} className={`text-sm ${linkClass}`}>
          {me ? "Go to your dashboard" : "Sign in"}
        </Link>
      </AuthShell>
    );
  }
  if (invitation.state === "expired") {
    return (
      <AuthShell title={title} subtitle={subtitle}>
        <FormAlert>This invitation has expired. Ask {invitation.inviterName ?? "whoever invited you"} to send a new one.</FormAlert>
      </AuthShell>
    );
  }
  if (!me) {
    const email = encodeURIComponent(invitation.email);
    return (
      <AuthShell title={title} subtitle={subtitle}>
        <div className={cardClass}>
          <p className="text-sm text-slate-700">To accept, create an account or sign in with {invitation.email}.</p>
          <Link
            href={`/signup?next=${encodeURIComponent(here)}&email=${email}`}
            className="rounded-md bg-brand-600 px-4 py-2.5 text-center font-medium text-white hover:bg-brand-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600 focus-visible:ring-offset-2"
          >
            Create an account
          </Link>
          <Link
            href={`/login?next=${encodeURIComponent(here)}&email=${email}`}
            className="rounded-md bg-white px-4 py-2.5 text-center font-medium text-slate-800 ring-1 ring-slate-300 hover:bg-slate-50 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600"
          >
            I already have an account
          </Link>
        </div>
      </AuthShell>
    );
  }
  if (me.email.toLowerCase() !== invitation.email) {
    return (
      <AuthShell title={title} subtitle={subtitle}>
        <FormAlert>
          This invitation was sent to {invitation.email}, but you&apos;re signed in as {me.email}. Sign out, then sign in or
          create an account with {invitation.email}.
        </FormAlert>
        <SwitchAccountButton returnTo={here} />
      </AuthShell>
    );
  }
  return (
    <AuthShell title={title} subtitle={subtitle}>
      <div className={cardClass}>
        <p className="text-sm text-slate-700">You&apos;re signed in as {me.email}.</p>
        <AcceptInvitationForm token={token} businessName={invitation.businessName} />
      </div>
    </AuthShell>
  );
}
