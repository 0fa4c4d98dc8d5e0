"use client";
// The business's weekly opening hours. Staff are bookable inside their own hours and these.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { setWeeklyHoursInput, type WeeklyRange } from "@/server/businesses/weekly-hours-input";
import { Card, SaveBar } from "../_components/fields";
import { useFormErrors } from "../_components/form-errors";
import { rangesToWeekDraft, weekDraftToRanges, WeekHoursEditor } from "../_components/week-hours-editor";

export function WeeklyHoursForm({ businessId, canEdit, weekly }: { businessId: string; canEdit: boolean; weekly: WeeklyRange[] }) {
  const trpc = useTRPC();
  const router = useRouter();
  const form = useFormErrors();
  const [draft, setDraft] = useState(() => rangesToWeekDraft(weekly));
  const [saved, setSaved] = useState<string | null>(null);
  const save = useMutation(trpc.settings.setWeeklyHours.mutationOptions());

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    setSaved(null);
    const input = form.check(setWeeklyHoursInput, { staffId: null, hours: weekDraftToRanges(draft) });
    if (!input) return;
    try {
      const after = await save.mutateAsync({ businessId, ...input });
      setDraft(rangesToWeekDraft(after));
      setSaved("Hours saved.");
      router.refresh();
    } catch (error) {
      form.fromServer(error);
    }
  }

  return (
    <Card title="Opening hours" description={canEdit ? "Callers can book only inside these hours. Untick a day to close it." : "Callers can book only inside these hours."}>
      <form onSubmit={onSubmit} noValidate className="space-y-2">
        <WeekHoursEditor
          label="Opening hours"
          value={draft}
          onChange={(d) => {
            setSaved(null);
            setDraft(d);
          }}
          errors={form.errors}
          errorPath="hours"
          disabled={!canEdit}
        />
        <SaveBar pending={save.isPending} disabled={!canEdit} label="Save hours" saved={saved} error={form.formError} />
      </form>
    </Card>
  );
}
