"use client";
// "That time was just taken": the server's reason and the nearest free times as one-click
// choices, shown by the booking and reschedule dialogs.
import { dateTimeLabel } from "./format";
import type { SlotProblem } from "./types";

export function SlotProblemNote({
  problem,
  timezone,
  actionLabel,
  pending,
  onPick,
}: {
  problem: SlotProblem;
  timezone: string;
  actionLabel: string;
  pending: boolean;
  onPick: (alternative: SlotProblem["alternatives"][number]) => void;
}) {
  return (
    <div role="alert" className="space-y-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200">
      <p className="font-medium">{problem.message}</p>
      {problem.alternatives.length > 0 ? (
        <>
          <p>{problem.code === "SLOT_TAKEN" ? "These times nearby are still free:" : "The nearest times that can be booked:"}</p>
          <div className="flex flex-wrap gap-2">
            {problem.alternatives.map((alternative) => (
              <button
                key={alternative.slotId}
                type="button"
                disabled={pending}
                onClick={() => onPick(alternative)}
                className="rounded-md bg-white px-3 py-1.5 text-sm font-medium text-brand-700 ring-1 ring-brand-600 hover:bg-brand-50 disabled:opacity-60 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600"
              >
                {actionLabel} {dateTimeLabel(alternative.startsAt, timezone)}
              </button>
            ))}
          </div>
        </>
      ) : (
        <p>Pick another time or day above.</p>
      )}
    </div>
  );
}
