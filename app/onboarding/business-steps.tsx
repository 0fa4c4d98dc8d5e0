"use client";
// Wizard steps 1 and 2: the business itself (name, time zone, phone) and its opening hours.
import { Field, TextInput } from "../dashboard/settings/_components/fields";
import type { FieldErrors } from "../dashboard/settings/_components/form-errors";
import { TimeZoneSelect } from "../dashboard/settings/_components/time-zone-select";
import { WeekHoursEditor } from "../dashboard/settings/_components/week-hours-editor";
import type { WizardDraft } from "./wizard-draft";

export interface StepProps {
  draft: WizardDraft;
  update: (patch: Partial<WizardDraft>) => void;
  errors: FieldErrors;
  detectedTimeZone: string;
}

export function BusinessStep({ draft, update, errors, detectedTimeZone }: StepProps) {
  return (
    <div className="space-y-4">
      <Field label="Business name" error={errors.name} hint="As callers know it.">
        {(p) => <TextInput {...p} data-autofocus value={draft.name} onChange={(name) => update({ name })} autoComplete="organization" placeholder="Bloom Hair Studio" />}
      </Field>
      <Field
        label="Time zone"
        error={errors.timezone}
        hint={detectedTimeZone && !draft.timezone ? `Detected from this device: ${detectedTimeZone.replaceAll("_", " ")}.` : "Opening hours and appointments use this zone's clock."}
      >
        {(p) => <TimeZoneSelect {...p} value={draft.timezone || detectedTimeZone} onChange={(timezone) => update({ timezone })} />}
      </Field>
      <Field label="Business phone number" error={errors.phone} hint="The number callers dial, in international format. Your receptionist answers it.">
        {(p) => <TextInput {...p} type="tel" inputMode="tel" autoComplete="tel" value={draft.phone} onChange={(phone) => update({ phone })} placeholder="+1 555 123 4567" />}
      </Field>
    </div>
  );
}

export function HoursStep({ draft, update, errors }: StepProps) {
  return (
    <div>
      <p className="mb-2 text-sm text-slate-600">Callers can book only inside these hours. Add a second range for a lunch break. You can change them any time.</p>
      <WeekHoursEditor label="Opening hours" value={draft.week} onChange={(week) => update({ week })} errors={errors} errorPath="hours" />
    </div>
  );
}
