"use client";
// The receptionist's settings form, checked with the same schema the server uses.
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { AFTER_HOURS, AGENT_LANGUAGES, AGENT_VOICES, agentSettings, TRANSFER_HOURS, type AgentLanguage, type AgentSettings } from "@/server/businesses/agent-settings-input";
import { Card, Checkbox, Field, FieldError, RadioGroup, SaveBar, TextArea, TextInput } from "../_components/fields";
import { useFormErrors } from "../_components/form-errors";
import { rangesToWeekDraft, weekDraftToRanges, WeekHoursEditor } from "../_components/week-hours-editor";

export function AgentForm({ businessId, canEdit, agent, contactPhone }: { businessId: string; canEdit: boolean; agent: AgentSettings; contactPhone: string | null }) {
  const trpc = useTRPC();
  const form = useFormErrors();
  const save = useMutation(trpc.settings.updateAgentSettings.mutationOptions());
  const [saved, setSaved] = useState<string | null>(null);
  const [v, setV] = useState({ ...agent, transferNumber: agent.transferNumber ?? "", transferDraft: rangesToWeekDraft(agent.transferRanges) });
  const set = <K extends keyof typeof v>(key: K) => (value: (typeof v)[K]) => {
    setSaved(null);
    setV((old) => ({ ...old, [key]: value }));
  };

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    const { transferDraft, ...rest } = v;
    const input = form.check(agentSettings, { ...rest, transferRanges: v.transferHours === "custom" ? weekDraftToRanges(transferDraft) : [] });
    if (!input) return;
    try {
      await save.mutateAsync({ businessId, ...input });
      setSaved("Receptionist settings saved.");
    } catch (error) {
      form.fromServer(error);
    }
  }

  const toggleLanguage = (id: AgentLanguage, on: boolean) => set("languages")(on ? [...v.languages.filter((l) => l !== id), id] : v.languages.filter((l) => l !== id));

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <fieldset disabled={!canEdit} className="space-y-4">
        <Card title="Greeting and manner">
          <div className="space-y-4">
            <Field label="Greeting" hint="The first thing callers hear." error={form.errors.greeting}>
              {(p) => <TextArea {...p} rows={3} value={v.greeting} onChange={set("greeting")} />}
            </Field>
            <Field label="Persona" hint="A few words on tone and manner, for example: warm and brief; always confirm the date back." error={form.errors.persona}>
              {(p) => <TextArea {...p} rows={3} value={v.persona} onChange={set("persona")} />}
            </Field>
            <RadioGroup legend="Voice" name="voice" value={v.voice} onChange={set("voice")} options={AGENT_VOICES} columns={4} disabled={!canEdit} error={form.errors.voice} />
            <fieldset>
              <legend className="mb-2 text-sm font-medium">Languages</legend>
              <div className="flex flex-wrap gap-x-6 gap-y-2">
                {AGENT_LANGUAGES.map((l) => (
                  <Checkbox key={l.id} checked={v.languages.includes(l.id)} onChange={(on) => toggleLanguage(l.id, on)} label={l.label} disabled={!canEdit} />
                ))}
              </div>
              <p className="mt-1 text-xs text-slate-500">The receptionist answers in the caller&apos;s language when it is one of these.</p>
              <FieldError error={form.errors.languages} />
            </fieldset>
          </div>
        </Card>
        <Card title="Transfers to a person" description="When a caller asks for a person, the receptionist can put them through.">
          <div className="space-y-4">
            <Field label="Transfer to" hint={contactPhone ? `Empty: your contact phone, ${contactPhone}.` : "Empty: your contact phone (set it on the profile page)."} error={form.errors.transferNumber}>
              {(p) => <TextInput {...p} type="tel" inputMode="tel" value={v.transferNumber} onChange={set("transferNumber")} placeholder="+1 555 123 4567" className="sm:max-w-xs" />}
            </Field>
            <RadioGroup legend="Transfer calls" name="transferHours" value={v.transferHours} onChange={set("transferHours")} options={TRANSFER_HOURS} columns={2} disabled={!canEdit} />
            {v.transferHours === "custom" && (
              <WeekHoursEditor label="Transfer times" value={v.transferDraft} onChange={set("transferDraft")} errors={form.errors} errorPath="transferRanges" disabled={!canEdit} />
            )}
          </div>
        </Card>
        <Card title="Call recording" description="Twilio records each whole call, and the recording is saved with the call.">
          <Checkbox
            checked={v.recordCalls}
            onChange={set("recordCalls")}
            label="Record calls"
            description="Callers hear “This call may be recorded” before the greeting."
            disabled={!canEdit}
          />
        </Card>
        <Card title="After hours" description="When a call comes in outside your opening hours.">
          <div className="space-y-4">
            <RadioGroup legend="The receptionist should" name="afterHours" value={v.afterHours} onChange={set("afterHours")} options={AFTER_HOURS} disabled={!canEdit} />
            <Field label="After-hours message (optional)" hint="Said first, for example: We're closed now; we open at 9 tomorrow." error={form.errors.afterHoursMessage}>
              {(p) => <TextArea {...p} rows={2} value={v.afterHoursMessage} onChange={set("afterHoursMessage")} />}
            </Field>
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
