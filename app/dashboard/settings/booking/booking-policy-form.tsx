"use client";
// The booking policy form, checked with the same schema the server uses.
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { bookingPolicy, type BookingPolicy } from "@/server/businesses/business-settings";
import { Card, Checkbox, Field, SaveBar, TextInput, toNumber } from "../_components/fields";
import { useFormErrors } from "../_components/form-errors";

export function BookingPolicyForm({ businessId, canEdit, policy }: { businessId: string; canEdit: boolean; policy: BookingPolicy }) {
  const trpc = useTRPC();
  const form = useFormErrors();
  const save = useMutation(trpc.settings.updateBookingPolicy.mutationOptions());
  const [saved, setSaved] = useState<string | null>(null);
  const [v, setV] = useState({
    window: String(policy.cancellationWindowHours),
    callersMayReschedule: policy.callersMayReschedule,
    callersMayCancel: policy.callersMayCancel,
    hold: String(policy.waitlistHoldMinutes),
  });
  const set = <K extends keyof typeof v>(key: K) => (value: (typeof v)[K]) => {
    setSaved(null);
    setV((old) => ({ ...old, [key]: value }));
  };

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    const input = form.check(bookingPolicy, {
      cancellationWindowHours: toNumber(v.window),
      callersMayReschedule: v.callersMayReschedule,
      callersMayCancel: v.callersMayCancel,
      waitlistHoldMinutes: toNumber(v.hold),
    });
    if (!input) return;
    try {
      await save.mutateAsync({ businessId, ...input });
      setSaved("Booking policy saved.");
    } catch (error) {
      form.fromServer(error);
    }
  }

  return (
    <Card title="Changes by callers">
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        <fieldset disabled={!canEdit} className="space-y-4">
          <Checkbox checked={v.callersMayReschedule} onChange={set("callersMayReschedule")} disabled={!canEdit} label="Callers may move their appointment" />
          <Checkbox checked={v.callersMayCancel} onChange={set("callersMayCancel")} disabled={!canEdit} label="Callers may cancel their appointment" />
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="Up to (hours before the start)" hint="0: until the appointment starts." error={form.errors.cancellationWindowHours}>
              {(p) => <TextInput {...p} type="number" inputMode="numeric" min={0} value={v.window} onChange={set("window")} />}
            </Field>
            <Field label="Waitlist hold (minutes)" hint="How long a freed time is kept for the first person on the waitlist." error={form.errors.waitlistHoldMinutes}>
              {(p) => <TextInput {...p} type="number" inputMode="numeric" min={5} value={v.hold} onChange={set("hold")} />}
            </Field>
          </div>
        </fieldset>
        <SaveBar pending={save.isPending} disabled={!canEdit} saved={saved} error={form.formError} />
      </form>
    </Card>
  );
}
