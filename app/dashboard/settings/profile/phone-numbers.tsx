"use client";
// The numbers callers dial: a call to any of them reaches this business's receptionist. A number
// rings one business only.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { addPhoneNumberInput } from "@/server/businesses/business-profile-input";
import { buttonStyles, Card, Field, FormStatus, TextInput } from "../_components/fields";
import { useFormErrors } from "../_components/form-errors";

export function PhoneNumbers({ businessId, canEdit, numbers }: { businessId: string; canEdit: boolean; numbers: { id: string; e164: string; label: string | null }[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const form = useFormErrors();
  const [e164, setE164] = useState("");
  const [label, setLabel] = useState("");
  const [saved, setSaved] = useState<string | null>(null);
  const add = useMutation(trpc.settings.addPhoneNumber.mutationOptions());
  const remove = useMutation(trpc.settings.removePhoneNumber.mutationOptions());

  async function onAdd(event: React.FormEvent) {
    event.preventDefault();
    setSaved(null);
    const input = form.check(addPhoneNumberInput, { e164, label });
    if (!input) return;
    try {
      const row = await add.mutateAsync({ businessId, ...input });
      setE164("");
      setLabel("");
      setSaved(`${row.e164} now rings your receptionist.`);
      router.refresh();
    } catch (error) {
      form.fromServer(error);
    }
  }

  async function onRemove(id: string, number: string) {
    if (!window.confirm(`Disconnect ${number}? Calls to it will no longer reach your receptionist.`)) return;
    setSaved(null);
    try {
      await remove.mutateAsync({ businessId, phoneNumberId: id });
      setSaved(`${number} disconnected.`);
      router.refresh();
    } catch (error) {
      form.fromServer(error);
    }
  }

  return (
    <Card title="Phone numbers" description="Calls and texts to these numbers reach your receptionist. With Twilio, point each number's webhooks at this app.">
      {numbers.length === 0 ? (
        <p className="text-sm text-slate-500">No number yet.</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {numbers.map((n) => (
            <li key={n.id} className="flex items-center justify-between gap-3 py-2 text-sm">
              <span>
                <span className="font-medium tabular-nums">{n.e164}</span>
                {n.label && <span className="text-slate-500"> · {n.label}</span>}
              </span>
              {canEdit && (
                <button type="button" onClick={() => void onRemove(n.id, n.e164)} disabled={remove.isPending} className={buttonStyles.dangerQuiet} aria-label={`Disconnect ${n.e164}`}>
                  Disconnect
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <form onSubmit={onAdd} noValidate className="mt-4 space-y-3 border-t border-slate-100 pt-4">
          <div className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-start">
            <Field label="Number to add" error={form.errors.e164}>
              {(p) => <TextInput {...p} type="tel" inputMode="tel" value={e164} onChange={setE164} placeholder="+1 555 123 4567" />}
            </Field>
            <Field label="Label (optional)" error={form.errors.label}>
              {(p) => <TextInput {...p} value={label} onChange={setLabel} placeholder="Main line" />}
            </Field>
            <button type="submit" disabled={add.isPending} className={`${buttonStyles.secondary} sm:mt-6`}>
              {add.isPending ? "Adding…" : "Add number"}
            </button>
          </div>
          <FormStatus saved={saved} error={form.formError} />
        </form>
      )}
    </Card>
  );
}
