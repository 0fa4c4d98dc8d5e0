"use client";
// Channels, message texts with {placeholders}, and reminder times, checked with the same schema
// the server uses. Reminder times are entered in hours, stored in minutes.
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import {
  DEFAULT_TEMPLATES,
  NOTIFICATION_KINDS,
  notificationSettings,
  TEMPLATE_PLACEHOLDERS,
  type NotificationSettings,
} from "@/server/businesses/notification-settings-input";
import { buttonStyles, Card, Checkbox, Field, FieldError, SaveBar, TextArea, TextInput } from "../_components/fields";
import { useFormErrors } from "../_components/form-errors";

const hoursText = (minutes: number) => String(Math.round((minutes / 60) * 100) / 100);

export function NotificationsForm({ businessId, canEdit, notifications }: { businessId: string; canEdit: boolean; notifications: NotificationSettings }) {
  const trpc = useTRPC();
  const form = useFormErrors();
  const save = useMutation(trpc.settings.updateNotificationSettings.mutationOptions());
  const [saved, setSaved] = useState<string | null>(null);
  const [v, setV] = useState({ sms: notifications.sms, email: notifications.email, templates: notifications.templates, reminders: notifications.reminderOffsetsMinutes.map(hoursText) });
  const change = (patch: Partial<typeof v>) => {
    setSaved(null);
    setV((old) => ({ ...old, ...patch }));
  };

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    const input = form.check(notificationSettings, {
      sms: v.sms,
      email: v.email,
      templates: v.templates,
      reminderOffsetsMinutes: v.reminders.map((h) => (h.trim() === "" ? Number.NaN : Math.round(Number(h) * 60))),
    });
    if (!input) return;
    try {
      const after = await save.mutateAsync({ businessId, ...input });
      setV((old) => ({ ...old, reminders: after.reminderOffsetsMinutes.map(hoursText) }));
      setSaved("Notification settings saved.");
    } catch (error) {
      form.fromServer(error);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <fieldset disabled={!canEdit} className="space-y-4">
        <Card title="Channels">
          <div className="flex flex-wrap gap-x-8 gap-y-2">
            <Checkbox checked={v.sms} onChange={(sms) => change({ sms })} label="Text messages (SMS)" description="To the customer's phone number." disabled={!canEdit} />
            <Checkbox checked={v.email} onChange={(email) => change({ email })} label="Email" description="When the customer gave an address." disabled={!canEdit} />
          </div>
        </Card>
        <Card title="Reminders" description="Hours before the appointment; up to three. 24 = a day before.">
          <div className="space-y-2">
            <div className="flex flex-wrap items-start gap-3">
              {v.reminders.map((h, i) => (
                <div key={i} className="flex items-end gap-1">
                  <Field label={`Reminder ${i + 1} (hours before)`} error={form.errors[`reminderOffsetsMinutes.${i}`]}>
                    {(p) => <TextInput {...p} type="number" inputMode="decimal" min={0.25} step={0.25} value={h} onChange={(value) => change({ reminders: v.reminders.map((x, j) => (j === i ? value : x)) })} className="w-28" />}
                  </Field>
                  {canEdit && (
                    <button type="button" onClick={() => change({ reminders: v.reminders.filter((_, j) => j !== i) })} className="mb-0.5 rounded-md px-2 py-2 text-sm text-slate-600 hover:bg-slate-100" aria-label={`Remove reminder ${i + 1}`}>
                      Remove
                    </button>
                  )}
                </div>
              ))}
            </div>
            {v.reminders.length === 0 && <p className="text-sm text-slate-500">No reminders are sent.</p>}
            <FieldError error={form.errors.reminderOffsetsMinutes} />
            {canEdit && v.reminders.length < 3 && (
              <button type="button" onClick={() => change({ reminders: [...v.reminders, "2"] })} className={buttonStyles.secondary}>
                Add a reminder
              </button>
            )}
          </div>
        </Card>
        <Card
          title="Messages"
          description={
            <>
              Placeholders filled in for each appointment: {TEMPLATE_PLACEHOLDERS.map((p) => `{${p}}`).join(", ")}.
            </>
          }
        >
          <div className="space-y-4">
            {NOTIFICATION_KINDS.map((kind) => (
              <Field key={kind.id} label={kind.label} hint={kind.description} error={form.errors[`templates.${kind.id}`]}>
                {(p) => (
                  <div>
                    <TextArea {...p} rows={3} value={v.templates[kind.id]} onChange={(text) => change({ templates: { ...v.templates, [kind.id]: text } })} />
                    {canEdit && v.templates[kind.id] !== DEFAULT_TEMPLATES[kind.id] && (
                      <button type="button" onClick={() => change({ templates: { ...v.templates, [kind.id]: DEFAULT_TEMPLATES[kind.id] } })} className="mt-1 text-xs font-medium text-brand-700 hover:underline">
                        Use the default text
                      </button>
                    )}
                  </div>
                )}
              </Field>
            ))}
          </div>
        </Card>
      </fieldset>
      {canEdit && (
        <div className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
          <SaveBar bare pending={save.isPending} saved={saved} error={form.formError} />
        </div>
      )}
    </form>
  );
}
