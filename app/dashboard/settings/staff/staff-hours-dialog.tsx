"use client";
// One staff member's working hours (with "copy the opening hours") and their days off.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { Modal, ModalBody, ModalFooter } from "@/app/dashboard/appointments/modal";
import { setWeeklyHoursInput, type WeeklyRange } from "@/server/businesses/weekly-hours-input";
import { buttonStyles, FormStatus } from "../_components/fields";
import { useFormErrors } from "../_components/form-errors";
import { rangesToWeekDraft, weekDraftToRanges, WeekHoursEditor } from "../_components/week-hours-editor";
import { DateOverrides } from "../hours/date-overrides";
import type { StaffRow } from "./staff-list";

export function StaffHoursDialog({ businessId, member, today, openingHours, onClose, onSaved }: {
  businessId: string;
  member: StaffRow;
  today: string;
  openingHours: WeeklyRange[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const form = useFormErrors();
  const [draft, setDraft] = useState(() => rangesToWeekDraft(member.weeklyHours));
  const [saved, setSaved] = useState<string | null>(null);
  const save = useMutation(trpc.settings.setWeeklyHours.mutationOptions());

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    setSaved(null);
    const input = form.check(setWeeklyHoursInput, { staffId: member.id, hours: weekDraftToRanges(draft) });
    if (!input) return;
    try {
      const after = await save.mutateAsync({ businessId, ...input });
      setDraft(rangesToWeekDraft(after));
      setSaved("Working hours saved.");
      onSaved();
      router.refresh();
    } catch (error) {
      form.fromServer(error);
    }
  }

  return (
    <Modal title={`${member.name}: hours & time off`} description="Bookable only when both these hours and the business's opening hours allow." onClose={onClose}>
      <div className="flex min-h-0 flex-1 flex-col">
        <ModalBody>
          <form id="staff-hours" onSubmit={onSubmit} noValidate className="space-y-2">
            <div className="flex items-center justify-between gap-2">
              <h3 className="text-sm font-medium">Working hours</h3>
              <button type="button" onClick={() => setDraft(rangesToWeekDraft(openingHours))} className="text-sm font-medium text-brand-700 hover:underline">
                Copy opening hours
              </button>
            </div>
            <WeekHoursEditor label={`${member.name}'s working hours`} value={draft} onChange={setDraft} errors={form.errors} errorPath="hours" />
            <FormStatus saved={saved} error={form.formError} />
          </form>
          <DateOverrides
            businessId={businessId}
            canEdit
            today={today}
            overrides={member.overrides}
            staffId={member.id}
            title="Time off"
            description="Days off, or other hours on one date."
            closedLabel="Off all day"
          />
        </ModalBody>
        <ModalFooter>
          <button type="button" onClick={onClose} className={buttonStyles.secondary}>
            Close
          </button>
          <button type="submit" form="staff-hours" disabled={save.isPending} className={buttonStyles.primary}>
            {save.isPending ? "Saving…" : "Save hours"}
          </button>
        </ModalFooter>
      </div>
    </Modal>
  );
}
