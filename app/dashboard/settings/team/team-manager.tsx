"use client";
// The team list with roles, pending invitations, and the invite form. Owners and admins change
// roles and invite; the members router enforces who may do what (only owners touch owners).
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { problemText } from "@/app/dashboard/appointments/problem-text";
import { inviteMemberInput } from "@/server/invitations/member-schemas";
import { buttonStyles, Card, Field, FormStatus, fieldStyles, TextInput } from "../_components/fields";
import { useFormErrors } from "../_components/form-errors";
import type { SettingsRole } from "../settings-pages";

interface Member {
  userId: string;
  name: string | null;
  email: string;
  role: SettingsRole;
  joinedAt: Date;
}
interface Invitation {
  id: string;
  email: string;
  role: SettingsRole;
  expiresAt: Date;
}

const ROLE_LABELS: Record<SettingsRole, string> = { owner: "Owner", admin: "Admin", staff: "Staff" };
const day = (d: Date) => new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric" }).format(d);

export function TeamManager({ businessId, canEdit, myRole, myUserId, members, invitations }: {
  businessId: string;
  canEdit: boolean;
  myRole: SettingsRole;
  myUserId: string | null;
  members: Member[];
  invitations: Invitation[];
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const form = useFormErrors();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<"admin" | "staff">("staff");
  const [notice, setNotice] = useState<string | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const invite = useMutation(trpc.members.invite.mutationOptions());
  const changeRole = useMutation(trpc.members.changeRole.mutationOptions());
  const remove = useMutation(trpc.members.remove.mutationOptions());
  const revoke = useMutation(trpc.members.revokeInvitation.mutationOptions());
  const roleChoices: SettingsRole[] = myRole === "owner" ? ["owner", "admin", "staff"] : ["admin", "staff"];

  async function run(action: () => Promise<unknown>, done: string) {
    setNotice(null);
    setListError(null);
    try {
      await action();
      setNotice(done);
      router.refresh();
    } catch (error) {
      setListError(problemText(error));
    }
  }

  async function onInvite(event: React.FormEvent) {
    event.preventDefault();
    setNotice(null);
    const input = form.check(inviteMemberInput, { email, role });
    if (!input) return;
    try {
      await invite.mutateAsync({ businessId, ...input });
      setEmail("");
      setNotice(`Invitation sent to ${input.email}.`);
      router.refresh();
    } catch (error) {
      form.fromServer(error);
    }
  }

  return (
    <>
      <Card title="Members">
        <ul className="divide-y divide-slate-100">
          {members.map((m) => {
            const me = m.userId === myUserId;
            const mayChange = canEdit && !me && (m.role !== "owner" || myRole === "owner");
            return (
              <li key={m.userId} className="flex flex-col gap-2 py-3 text-sm sm:flex-row sm:items-center sm:justify-between">
                <div className="min-w-0">
                  <p className="truncate font-medium">
                    {m.name ?? m.email} {me && <span className="font-normal text-slate-500">(you)</span>}
                  </p>
                  <p className="truncate text-slate-500">
                    {m.email} · since {day(m.joinedAt)}
                  </p>
                </div>
                {mayChange ? (
                  <div className="flex items-center gap-2">
                    <label className="sr-only" htmlFor={`role-${m.userId}`}>
                      Role of {m.name ?? m.email}
                    </label>
                    <select
                      id={`role-${m.userId}`}
                      value={m.role}
                      disabled={changeRole.isPending}
                      onChange={(e) =>
                        void run(() => changeRole.mutateAsync({ businessId, userId: m.userId, role: e.target.value as SettingsRole }), `${m.name ?? m.email} is now ${ROLE_LABELS[e.target.value as SettingsRole].toLowerCase()}.`)
                      }
                      className={`${fieldStyles} w-28`}
                    >
                      {roleChoices.map((r) => (
                        <option key={r} value={r}>
                          {ROLE_LABELS[r]}
                        </option>
                      ))}
                    </select>
                    <button
                      type="button"
                      disabled={remove.isPending}
                      onClick={() => {
                        if (window.confirm(`Remove ${m.name ?? m.email} from the team?`)) void run(() => remove.mutateAsync({ businessId, userId: m.userId }), `${m.name ?? m.email} removed.`);
                      }}
                      className={buttonStyles.dangerQuiet}
                      aria-label={`Remove ${m.name ?? m.email}`}
                    >
                      Remove
                    </button>
                  </div>
                ) : (
                  <span className="w-fit rounded bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700">{ROLE_LABELS[m.role]}</span>
                )}
              </li>
            );
          })}
        </ul>
        <div className="mt-2">
          <FormStatus saved={notice} error={listError} />
        </div>
      </Card>
      {canEdit && (
        <Card title="Invite someone" description="They get an email with a link to join; it works once, for 7 days.">
          {invitations.length > 0 && (
            <ul className="mb-4 divide-y divide-slate-100 text-sm">
              {invitations.map((i) => (
                <li key={i.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <span>
                    {i.email} <span className="text-slate-500">· {ROLE_LABELS[i.role]} · pending until {day(i.expiresAt)}</span>
                  </span>
                  <button type="button" onClick={() => void run(() => revoke.mutateAsync({ businessId, invitationId: i.id }), `Invitation to ${i.email} withdrawn.`)} className={buttonStyles.dangerQuiet}>
                    Withdraw
                  </button>
                </li>
              ))}
            </ul>
          )}
          <form onSubmit={onInvite} noValidate className="space-y-3">
            <div className="grid gap-3 sm:grid-cols-[1fr_10rem_auto] sm:items-start">
              <Field label="Email" error={form.errors.email}>
                {(p) => <TextInput {...p} type="email" value={email} onChange={setEmail} autoComplete="off" placeholder="name@example.com" />}
              </Field>
              <Field label="Role" error={form.errors.role}>
                {(p) => (
                  <select {...p} value={role} onChange={(e) => setRole(e.target.value as "admin" | "staff")} className={fieldStyles}>
                    <option value="staff">Staff</option>
                    <option value="admin">Admin</option>
                  </select>
                )}
              </Field>
              <button type="submit" disabled={invite.isPending} className={`${buttonStyles.primary} sm:mt-6`}>
                {invite.isPending ? "Sending…" : "Send invitation"}
              </button>
            </div>
            <FormStatus saved={null} error={form.formError} />
          </form>
        </Card>
      )}
    </>
  );
}
