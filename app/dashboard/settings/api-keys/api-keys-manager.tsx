"use client";
// The business's API keys: create one (shown once, with a copy button), see when each was last
// used, revoke one.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { problemText } from "@/app/dashboard/appointments/problem-text";
import { createApiKeyInput } from "@/server/businesses/api-key-input";
import { buttonStyles, Card, Field, FormStatus, TextInput } from "../_components/fields";
import { useFormErrors } from "../_components/form-errors";

interface ApiKeyRow {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

const when = (d: Date | null) => (d ? new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", year: "numeric", hour: "numeric", minute: "2-digit" }).format(d) : "never");

export function ApiKeysManager({ businessId, slug, keys }: { businessId: string; slug: string; keys: ApiKeyRow[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const form = useFormErrors();
  const [name, setName] = useState("");
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const create = useMutation(trpc.settings.createApiKey.mutationOptions());
  const revoke = useMutation(trpc.settings.revokeApiKey.mutationOptions());

  async function onCreate(event: React.FormEvent) {
    event.preventDefault();
    setNotice(null);
    const input = form.check(createApiKeyInput, { name });
    if (!input) return;
    try {
      const row = await create.mutateAsync({ businessId, ...input });
      setCreated({ name: row.name, key: row.key });
      setCopied(false);
      setName("");
      router.refresh();
    } catch (error) {
      form.fromServer(error);
    }
  }

  async function onRevoke(key: ApiKeyRow) {
    if (!window.confirm(`Revoke "${key.name}"? Anything using it stops working at once.`)) return;
    setNotice(null);
    setListError(null);
    try {
      await revoke.mutateAsync({ businessId, apiKeyId: key.id });
      setNotice(`"${key.name}" revoked.`);
      router.refresh();
    } catch (error) {
      setListError(problemText(error));
    }
  }

  return (
    <>
      {created && (
        <div role="alert" className="space-y-2 rounded-lg bg-amber-50 p-4 text-sm text-amber-950 ring-1 ring-amber-200">
          <p className="font-medium">Copy the key for &ldquo;{created.name}&rdquo; now: it will not be shown again.</p>
          <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
            <code data-testid="new-api-key" className="block min-w-0 flex-1 break-all rounded bg-white px-2 py-1.5 font-mono text-xs ring-1 ring-amber-200">
              {created.key}
            </code>
            <button
              type="button"
              className={buttonStyles.secondary}
              onClick={() =>
                void navigator.clipboard?.writeText(created.key).then(
                  () => setCopied(true),
                  () => setCopied(false),
                )
              }
            >
              {copied ? "Copied" : "Copy"}
            </button>
          </div>
          <p>
            Send it as <code>Authorization: Bearer …</code> to <code>/api/v1/businesses/{slug}/…</code>.
          </p>
        </div>
      )}
      <Card title="Keys">
        {keys.length === 0 ? (
          <p className="text-sm text-slate-500">No keys yet.</p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {keys.map((k) => (
              <li key={k.id} className="flex flex-col gap-2 py-3 text-sm sm:flex-row sm:items-center sm:justify-between" data-api-key={k.name}>
                <div className="min-w-0">
                  <p className="font-medium">
                    {k.name} <code className="ml-1 rounded bg-slate-100 px-1 font-mono text-xs text-slate-700">{k.prefix}…</code>
                    {k.revokedAt && <span className="ml-2 rounded bg-red-50 px-1.5 py-0.5 text-xs font-normal text-red-700">Revoked {when(k.revokedAt)}</span>}
                  </p>
                  <p className="text-slate-500">
                    Created {when(k.createdAt)} · last used {when(k.lastUsedAt)}
                  </p>
                </div>
                {!k.revokedAt && (
                  <button type="button" onClick={() => void onRevoke(k)} disabled={revoke.isPending} className={buttonStyles.dangerQuiet} aria-label={`Revoke ${k.name}`}>
                    Revoke
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
        <div className="mt-2">
          <FormStatus saved={notice} error={listError} />
        </div>
      </Card>
      <Card title="Create a key">
        <form onSubmit={onCreate} noValidate className="space-y-3">
          <div className="grid gap-3 sm:grid-cols-[1fr_auto] sm:items-start">
            <Field label="Name" hint="What will use it, for example: Website booking form." error={form.errors.name}>
              {(p) => <TextInput {...p} value={name} onChange={setName} autoComplete="off" />}
            </Field>
            <button type="submit" disabled={create.isPending} className={`${buttonStyles.primary} sm:mt-6`}>
              {create.isPending ? "Creating…" : "Create key"}
            </button>
          </div>
          <FormStatus saved={null} error={form.formError} />
        </form>
      </Card>
    </>
  );
}
