"use client";
// Wizard steps 3 and 4: services (from a template, then edited) and the staff who perform them.
import { SERVICE_TEMPLATES } from "@/server/businesses/service-templates";
import { buttonStyles, Checkbox, Field, FieldError, RadioGroup, TextInput } from "../dashboard/settings/_components/fields";
import type { StepProps } from "./business-steps";
import { applyTemplate, newKey, type WizardDraft } from "./wizard-draft";

const TEMPLATE_OPTIONS = [
  ...SERVICE_TEMPLATES.map((t) => ({ id: t.id, label: t.label, description: t.services.map((s) => s.name).join(", ") })),
  { id: "custom" as const, label: "Something else", description: "Start from an empty list." },
];

export function ServicesStep({ draft, update, errors }: StepProps) {
  const replace = (patch: Partial<WizardDraft>) => update(patch);
  const setService = (i: number, patch: Partial<WizardDraft["services"][number]>) =>
    replace({ services: draft.services.map((s, j) => (j === i ? { ...s, ...patch } : s)) });
  return (
    <div className="space-y-5">
      <RadioGroup
        legend="Start from"
        name="template"
        value={draft.template ?? ("" as never)}
        onChange={(template) => update(applyTemplate(draft, template))}
        options={TEMPLATE_OPTIONS}
        columns={2}
        error={errors.template}
      />
      {draft.services.length > 0 && (
        <fieldset>
          <legend className="mb-2 text-sm font-medium">Your services</legend>
          <FieldError error={errors.services} />
          <ul className="space-y-3">
            {draft.services.map((s, i) => (
              <li key={s.key} className="grid grid-cols-2 gap-2 rounded-md p-3 ring-1 ring-slate-200 sm:grid-cols-[1fr_7rem_7rem_auto] sm:items-start">
                <Field label="Service" error={errors[`services.${i}.name`]} className="col-span-2 sm:col-span-1">
                  {(p) => <TextInput {...p} value={s.name} onChange={(name) => setService(i, { name })} />}
                </Field>
                <Field label="Minutes" error={errors[`services.${i}.durationMinutes`]}>
                  {(p) => <TextInput {...p} type="number" inputMode="numeric" min={5} step={5} value={s.duration} onChange={(duration) => setService(i, { duration })} />}
                </Field>
                <Field label="Price ($)" error={errors[`services.${i}.priceCents`]}>
                  {(p) => <TextInput {...p} inputMode="decimal" value={s.price} onChange={(price) => setService(i, { price })} />}
                </Field>
                <button
                  type="button"
                  onClick={() => replace({ services: draft.services.filter((_, j) => j !== i), staff: draft.staff.map((m) => ({ ...m, serviceKeys: m.serviceKeys.filter((k) => k !== s.key) })) })}
                  className="col-span-2 justify-self-start rounded-md px-2 py-2 text-sm text-red-700 hover:bg-red-50 sm:col-span-1 sm:mt-6"
                  aria-label={`Remove ${s.name || `service ${i + 1}`}`}
                >
                  Remove
                </button>
              </li>
            ))}
          </ul>
          <button
            type="button"
            className={`${buttonStyles.secondary} mt-3`}
            onClick={() => {
              const key = newKey("service");
              replace({
                services: [...draft.services, { key, name: "", duration: "30", price: "0.00", bufferAfterMinutes: 0, synonyms: [] }],
                staff: draft.staff.map((m) => ({ ...m, serviceKeys: [...m.serviceKeys, key] })),
              });
            }}
          >
            Add a service
          </button>
        </fieldset>
      )}
    </div>
  );
}

export function StaffStep({ draft, update, errors }: StepProps) {
  const setMember = (i: number, patch: Partial<WizardDraft["staff"][number]>) => update({ staff: draft.staff.map((m, j) => (j === i ? { ...m, ...patch } : m)) });
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">Who takes appointments? Each person works the opening hours to begin with; set their own hours later in Settings.</p>
      <FieldError error={errors.staff} />
      <ul className="space-y-3">
        {draft.staff.map((m, i) => (
          <li key={m.key} className="space-y-3 rounded-md p-3 ring-1 ring-slate-200">
            <div className="flex items-end gap-2">
              <Field label={`Person ${i + 1}`} error={errors[`staff.${i}.name`]} className="flex-1">
                {(p) => <TextInput {...p} value={m.name} onChange={(name) => setMember(i, { name })} placeholder={i === 0 ? "Your name" : "Name"} autoComplete="off" />}
              </Field>
              {draft.staff.length > 1 && (
                <button type="button" onClick={() => update({ staff: draft.staff.filter((_, j) => j !== i) })} className="rounded-md px-2 py-2 text-sm text-red-700 hover:bg-red-50" aria-label={`Remove ${m.name || `person ${i + 1}`}`}>
                  Remove
                </button>
              )}
            </div>
            <fieldset>
              <legend className="mb-1 text-sm text-slate-700">Performs</legend>
              <div className="grid gap-2 sm:grid-cols-2">
                {draft.services.map((s) => (
                  <Checkbox
                    key={s.key}
                    checked={m.serviceKeys.includes(s.key)}
                    onChange={(on) => setMember(i, { serviceKeys: on ? [...m.serviceKeys, s.key] : m.serviceKeys.filter((k) => k !== s.key) })}
                    label={s.name || "(unnamed service)"}
                  />
                ))}
              </div>
              <FieldError error={errors[`staff.${i}.serviceIndexes`]} />
            </fieldset>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className={buttonStyles.secondary}
        onClick={() => update({ staff: [...draft.staff, { key: newKey("staff"), name: "", serviceKeys: draft.services.map((s) => s.key) }] })}
      >
        Add a person
      </button>
    </div>
  );
}
