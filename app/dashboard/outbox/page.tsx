// The local outbox: mail that was not sent because no mail server is configured (SMTP_URL), so
// a new owner can still open their verification or reset link. Reachable before the account
// belongs to any business. Shows the account's own mail, and the selected business's messages
// to its admins and owners.
import { TRPCError } from "@trpc/server";
import { redirect } from "next/navigation";
import { providerModes } from "@/server/config-schema";
import { env } from "@/server/env";
import { createContext } from "@/server/trpc/context";
import { createCaller } from "@/server/trpc/root";
import { ResendVerificationButton } from "./resend-verification-button";

export const dynamic = "force-dynamic";

type OutboxMessage = Awaited<ReturnType<ReturnType<typeof createCaller>["account"]["outbox"]>>[number];

const URL_PATTERN = /(https?:\/\/[^\s<>"]+)/g;

/** The body as text with its addresses as plain links (plain <a>: a prefetch must never open a one-time link). */
function BodyWithLinks({ body }: { body: string }) {
  const parts = body.split(URL_PATTERN);
  return (
    <p className="whitespace-pre-wrap break-words text-sm text-slate-700">
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <a key={i} href={part} className="break-all font-medium text-brand-700 underline hover:text-brand-600">
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </p>
  );
}

function MessageList({ messages, empty }: { messages: OutboxMessage[]; empty: string }) {
  if (messages.length === 0) return <p className="text-sm text-slate-500">{empty}</p>;
  return (
    <ul className="flex flex-col gap-3">
      {messages.map((m) => (
        <li key={m.id}>
          <article aria-labelledby={`msg-${m.id}`} className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
            <header className="mb-2 flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
              <h3 id={`msg-${m.id}`} className="font-medium">
                {m.subject ?? (m.channel === "sms" ? "Text message" : "(no subject)")}
              </h3>
              <p className="text-xs text-slate-500">
                {m.channel === "sms" ? "SMS" : "Email"} to {m.to} ·{" "}
                <time dateTime={m.createdAt.toISOString()}>{m.createdAt.toLocaleString("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }) + " UTC"}</time>
                {m.status === "failed" && <span className="ml-1 font-medium text-red-700">· not delivered</span>}
              </p>
            </header>
            <BodyWithLinks body={m.body} />
          </article>
        </li>
      ))}
    </ul>
  );
}

export default async function OutboxPage({ searchParams }: { searchParams: Promise<{ b?: string }> }) {
  const ctx = await createContext();
  if (!ctx.userId) redirect("/login?next=%2Fdashboard%2Foutbox");
  const api = createCaller(ctx);
  const [me, accountMail, memberships] = await Promise.all([api.account.me(), api.account.outbox(), api.business.mine()]);
  if (!me) redirect("/login");
  const { b } = await searchParams;
  const current = memberships.find((m) => m.business.id === b) ?? memberships[0];
  let businessMail: OutboxMessage[] | null = null;
  if (current && current.role !== "staff") {
    businessMail = await api.account.businessOutbox({ businessId: current.business.id }).catch((error: unknown) => {
      if (error instanceof TRPCError && (error.code === "FORBIDDEN" || error.code === "NOT_FOUND")) return null;
      throw error;
    });
  }
  const smtp = providerModes(env()).email.live;

  return (
    <main className="mx-auto flex max-w-3xl flex-col gap-6 p-4 sm:p-6">
      <div>
        <h1 className="text-xl font-semibold">Outbox</h1>
        <p className="text-sm text-slate-600">
          {smtp
            ? "Email goes out through your mail server. Messages listed here are a record of what was sent."
            : "No mail server is set up (SMTP_URL), so email is kept here instead of being sent. Open links from here."}
        </p>
      </div>
      {!me.emailVerified && (
        <section aria-labelledby="verify" className="flex flex-col gap-2 rounded-lg bg-amber-50 p-4 ring-1 ring-amber-200">
          <h2 id="verify" className="font-medium text-amber-900">
            Confirm your email address
          </h2>
          <p className="text-sm text-amber-900">Open the link in the message we sent to {me.email}.</p>
          <ResendVerificationButton />
        </section>
      )}
      <section aria-labelledby="account-mail" className="flex flex-col gap-3">
        <h2 id="account-mail" className="font-medium">
          Your account mail
        </h2>
        <MessageList
          messages={accountMail}
          empty={smtp ? "Account mail is sent to your inbox." : `Nothing for ${me.email} yet.`}
        />
      </section>
      {current && businessMail && (
        <section aria-labelledby="business-mail" className="flex flex-col gap-3">
          <h2 id="business-mail" className="font-medium">
            {current.business.name}: messages to customers
          </h2>
          <MessageList messages={businessMail} empty="No messages yet." />
        </section>
      )}
    </main>
  );
}
