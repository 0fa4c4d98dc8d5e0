"use client";
// Wizard steps 5 to 7: the receptionist (greeting, voice, languages), questions callers ask,
// and a last look at everything before it is created.
import { AGENT_LANGUAGES, AGENT_VOICES } from "@/server/businesses/agent-settings-input";
import { minuteLabel, WEEKDAYS } from "@/server/businesses/weekly-hours-input";
import { Checkbox, Field, FieldError, RadioGroup, TextArea } from "../dashboard/settings/_components/fields";
import { weekDraftToRanges } from "../dashboard/settings/_components/week-hours-editor";
import { FaqEditor } from "../dashboard/settings/faq/faq-form";
import type { StepProps } from "./business-steps";
import { faqOf, greetingOf } from "./wizard-draft";

export function ReceptionistStep({ draft, update, errors }: StepProps) {
  return (
    <div className="space-y-5">
      <Field label="Greeting" hint="The first thing callers hear." error={errors["agent.greeting"]}>
        {(p) => <TextArea {...p} data-autofocus rows={3} value={greetingOf(draft)} onChange={(greeting) => update({ greeting })} />}
      </Field>
      <RadioGroup legend="Voice" name="voice" value={draft.voice} onChange={(voice) => update({ voice })} options={AGENT_VOICES} columns={2} error={errors["agent.voice"]} />
      <fieldset>
        <legend className="mb-2 text-sm font-medium">Languages it answers in</legend>
        <div className="flex flex-wrap gap-x-6 gap-y-2">
          {AGENT_LANGUAGES.map((l) => (
            <Checkbox
              key={l.id}
              checked={draft.languages.includes(l.id)}
              onChange={(on) => update({ languages: on ? [...draft.languages.filter((x) => x !== l.id), l.id] : draft.languages.filter((x) => x !== l.id) })}
              label={l.label}
            />
          ))}
        </div>
        <FieldError error={errors["agent.languages"]} />
      </fieldset>
    </div>
  );
}

export function FaqStep({ draft, update, errors }: StepProps) {
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600">A few questions callers often ask, with your answers. The receptionist answers them on the phone. Optional; add more later.</p>
      <FaqEditor entries={faqOf(draft)} onChange={(faq) => update({ faq })} errors={errors} errorPath="faq" />
    </div>
  );
}

const price = (text: string) => (Number(text) ? `$${Number(text).toFixed(2)}` : "free");

export function ReviewStep({ draft, detectedTimeZone, goTo }: StepProps & { goTo: (step: number) => void }) {
  const ranges = weekDraftToRanges(draft.week);
  const hours = [1, 2, 3, 4, 5, 6, 0]
    .map((d) => {
      const day = ranges.filter((r) => r.weekday === d);
      return day.length ? `${WEEKDAYS[d]!.slice(0, 3)} ${day.map((r) => `${minuteLabel(r.startMinute)}–${minuteLabel(r.endMinute)}`).join(", ")}` : null;
    })
    .filter(Boolean);
  const row = (title: string, step: number, body: React.ReactNode) => (
    <div className="flex items-start justify-between gap-3 py-3">
      <div className="min-w-0">
        <dt className="text-sm font-medium">{title}</dt>
        <dd className="text-sm text-slate-600">{body}</dd>
      </div>
      <button type="button" onClick={() => goTo(step)} className="text-sm font-medium text-brand-700 hover:underline" aria-label={`Change ${title.toLowerCase()}`}>
        Change
      </button>
    </div>
  );
  const serviceName = (key: string) => draft.services.find((s) => s.key === key)?.name;
  return (
    <dl className="divide-y divide-slate-100">
      {row("Business", 0, `${draft.name} · ${(draft.timezone || detectedTimeZone).replaceAll("_", " ")} · ${draft.phone}`)}
      {row("Opening hours", 1, hours.join(" · ") || "closed every day")}
      {row("Services", 2, draft.services.map((s) => `${s.name} (${s.duration} min, ${price(s.price)})`).join(", "))}
      {row("Staff", 3, draft.staff.map((m) => `${m.name}: ${m.serviceKeys.map(serviceName).filter(Boolean).join(", ") || "no services"}`).join("; "))}
      {row("Receptionist", 4, `“${greetingOf(draft)}” · ${AGENT_VOICES.find((v) => v.id === draft.voice)?.label} voice · ${draft.languages.map((l) => AGENT_LANGUAGES.find((x) => x.id === l)?.label).join(", ")}`)}
      {row("Questions", 5, faqOf(draft).length ? faqOf(draft).map((f) => f.question).join(" · ") : "none yet")}
    </dl>
  );
}

