"use client";
// The FAQ as one list, saved together: add, edit, reorder and remove questions.
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { MAX_FAQ_ENTRIES, updateFaqInput, type FaqEntry } from "@/server/businesses/faq-input";
import { buttonStyles, Card, Field, SaveBar, TextArea, TextInput } from "../_components/fields";
import { useFormErrors } from "../_components/form-errors";

export function FaqEditor({ entries, onChange, errors, errorPath, disabled }: {
  entries: FaqEntry[];
  onChange: (entries: FaqEntry[]) => void;
  errors: Record<string, string>;
  errorPath: string;
  disabled?: boolean;
}) {
  const update = (i: number, patch: Partial<FaqEntry>) => onChange(entries.map((e, j) => (j === i ? { ...e, ...patch } : e)));
  const move = (i: number, by: number) => {
    const next = [...entries];
    const [item] = next.splice(i, 1);
    next.splice(i + by, 0, item!);
    onChange(next);
  };
  return (
    <div className="space-y-3">
      {errors[errorPath] && <p className="text-sm text-red-700">{errors[errorPath]}</p>}
      {entries.length === 0 && <p className="text-sm text-slate-500">No questions yet.</p>}
      <ol className="space-y-3">
        {entries.map((entry, i) => (
          <li key={i} className="rounded-md p-3 ring-1 ring-slate-200">
            <div className="grid gap-3">
              <Field label={`Question ${i + 1}`} error={errors[`${errorPath}.${i}.question`]}>
                {(p) => <TextInput {...p} value={entry.question} onChange={(question) => update(i, { question })} placeholder="Do you take walk-ins?" />}
              </Field>
              <Field label={`Answer ${i + 1}`} error={errors[`${errorPath}.${i}.answer`]}>
                {(p) => <TextArea {...p} rows={2} value={entry.answer} onChange={(answer) => update(i, { answer })} />}
              </Field>
            </div>
            {!disabled && (
              <div className="mt-2 flex flex-wrap gap-2">
                <button type="button" onClick={() => move(i, -1)} disabled={i === 0} className="rounded-md px-2 py-1 text-sm text-slate-600 ring-1 ring-slate-300 hover:bg-slate-100 disabled:opacity-40" aria-label={`Move question ${i + 1} up`}>
                  Up
                </button>
                <button type="button" onClick={() => move(i, 1)} disabled={i === entries.length - 1} className="rounded-md px-2 py-1 text-sm text-slate-600 ring-1 ring-slate-300 hover:bg-slate-100 disabled:opacity-40" aria-label={`Move question ${i + 1} down`}>
                  Down
                </button>
                <button type="button" onClick={() => onChange(entries.filter((_, j) => j !== i))} className="rounded-md px-2 py-1 text-sm text-red-700 ring-1 ring-slate-300 hover:bg-red-50" aria-label={`Remove question ${i + 1}`}>
                  Remove
                </button>
              </div>
            )}
          </li>
        ))}
      </ol>
      {!disabled && entries.length < MAX_FAQ_ENTRIES && (
        <button type="button" onClick={() => onChange([...entries, { question: "", answer: "" }])} className={buttonStyles.secondary}>
          Add a question
        </button>
      )}
    </div>
  );
}

export function FaqForm({ businessId, canEdit, entries: initial }: { businessId: string; canEdit: boolean; entries: FaqEntry[] }) {
  const trpc = useTRPC();
  const form = useFormErrors();
  const save = useMutation(trpc.settings.updateFaq.mutationOptions());
  const [entries, setEntries] = useState(initial);
  const [saved, setSaved] = useState<string | null>(null);

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    const input = form.check(updateFaqInput, { entries });
    if (!input) return;
    try {
      setEntries(await save.mutateAsync({ businessId, ...input }));
      setSaved("FAQ saved.");
    } catch (error) {
      form.fromServer(error);
    }
  }

  return (
    <Card title="Questions and answers" description="Keep answers short: they are read out on the phone.">
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        <fieldset disabled={!canEdit}>
          <FaqEditor
            entries={entries}
            onChange={(e) => {
              setSaved(null);
              setEntries(e);
            }}
            errors={form.errors}
            errorPath="entries"
            disabled={!canEdit}
          />
        </fieldset>
        <SaveBar pending={save.isPending} disabled={!canEdit} label="Save FAQ" saved={saved} error={form.formError} />
      </form>
    </Card>
  );
}
