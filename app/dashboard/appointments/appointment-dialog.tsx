"use client";
// One appointment: its details, and the steps that change it (reschedule to a free time of the
// same service, cancel with an optional reason, mark a past booking as a no-show), each through
// the same commands the phone agent and the API use.
import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { dateLabel, timeRangeLabel } from "./format";
import { buttonStyles, ErrorNote, fieldStyles, Modal, ModalBody, ModalFooter } from "./modal";
import { problemText } from "./problem-text";
import { SlotPicker } from "./slot-picker";
import { SlotProblemNote } from "./slot-problem";
import { statusLabels } from "./status";
import type { BookedAppointment, BookingOptions, ListedAppointment, Slot, SlotProblem } from "./types";

type Step = "details" | "reschedule" | "cancel" | "no-show";

export interface AppointmentChange {
  kind: "rescheduled" | "cancelled" | "no-show";
  appointment: BookedAppointment;
}

export function AppointmentDialog({
  businessId,
  appointment,
  options,
  timezone,
  today,
  onClose,
  onChanged,
  returnFocusTo,
}: {
  businessId: string;
  appointment: ListedAppointment;
  options: BookingOptions;
  timezone: string;
  today: string;
  onClose: () => void;
  onChanged: (change: AppointmentChange) => void;
  returnFocusTo: () => HTMLElement | null;
}) {
  const [step, setStep] = useState<Step>("details");
  // The browser's clock only decides which buttons to offer; the server re-checks.
  const [startedAlready] = useState(() => appointment.startsAt.getTime() <= Date.now());
  const a = appointment;
  const who = a.customer.name ?? a.customer.phone;
  const when = `${dateLabel(a.localDate)} · ${timeRangeLabel(a.startsAt, a.endsAt, timezone)}`;
  const titles: Record<Step, string> = {
    details: a.service.name,
    reschedule: "Reschedule appointment",
    cancel: "Cancel appointment",
    "no-show": "Mark as no-show",
  };

  return (
    <Modal
      title={titles[step]}
      description={
        <>
          {step !== "details" && `${a.service.name} · `}
          {when} · {a.staff.name}
        </>
      }
      onClose={onClose}
      returnFocusTo={returnFocusTo}
      focusKey={step}
    >
      {step === "details" && (
        <Details appointment={a} who={who} startedAlready={startedAlready} onStep={setStep} onClose={onClose} />
      )}
      {step === "reschedule" && (
        <RescheduleStep businessId={businessId} appointment={a} options={options} timezone={timezone} today={today} onBack={() => setStep("details")} onChanged={onChanged} />
      )}
      {step === "cancel" && <CancelStep businessId={businessId} appointment={a} who={who} onBack={() => setStep("details")} onChanged={onChanged} />}
      {step === "no-show" && <NoShowStep businessId={businessId} appointment={a} who={who} onBack={() => setStep("details")} onChanged={onChanged} />}
    </Modal>
  );
}

function Details({
  appointment: a,
  who,
  startedAlready,
  onStep,
  onClose,
}: {
  appointment: ListedAppointment;
  who: string;
  startedAlready: boolean;
  onStep: (step: Step) => void;
  onClose: () => void;
}) {
  const canChange = a.status === "booked";
  return (
    <>
      <ModalBody>
        <dl className="grid grid-cols-[6rem_1fr] gap-x-3 gap-y-2 text-sm">
          <dt className="text-slate-500">Customer</dt>
          <dd className="min-w-0">
            <div className="font-medium">{who}</div>
            {a.customer.name && (
              <a href={`tel:${a.customer.phone}`} className="block text-brand-700 hover:underline">
                {a.customer.phone}
              </a>
            )}
            {a.customer.email && (
              <a href={`mailto:${a.customer.email}`} className="block truncate text-brand-700 hover:underline">
                {a.customer.email}
              </a>
            )}
          </dd>
          <dt className="text-slate-500">With</dt>
          <dd>{a.staff.name}</dd>
          <dt className="text-slate-500">Status</dt>
          <dd>{statusLabels[a.status]}</dd>
          {a.notes && (
            <>
              <dt className="text-slate-500">Notes</dt>
              <dd className="whitespace-pre-line break-words">{a.notes}</dd>
            </>
          )}
        </dl>
        {!canChange && a.status !== "held" && <p className="text-sm text-slate-500">This appointment can no longer be changed.</p>}
      </ModalBody>
      <ModalFooter>
        {canChange && startedAlready && (
          <button type="button" onClick={() => onStep("no-show")} className={`${buttonStyles.secondary} sm:mr-auto`}>
            Mark no-show
          </button>
        )}
        {(canChange || a.status === "held") && (
          <button type="button" onClick={() => onStep("cancel")} className={buttonStyles.dangerQuiet}>
            Cancel appointment
          </button>
        )}
        {canChange ? (
          <button type="button" data-autofocus onClick={() => onStep("reschedule")} className={buttonStyles.primary}>
            Reschedule
          </button>
        ) : (
          <button type="button" data-autofocus onClick={onClose} className={buttonStyles.secondary}>
            Close
          </button>
        )}
      </ModalFooter>
    </>
  );
}

function RescheduleStep({
  businessId,
  appointment: a,
  options,
  timezone,
  today,
  onBack,
  onChanged,
}: {
  businessId: string;
  appointment: ListedAppointment;
  options: BookingOptions;
  timezone: string;
  today: string;
  onBack: () => void;
  onChanged: (change: AppointmentChange) => void;
}) {
  const trpc = useTRPC();
  const staffFieldId = useId();
  const performers = options.staff.filter((p) => options.services.find((s) => s.id === a.service.id)?.staffIds.includes(p.id));
  const [staffId, setStaffId] = useState<string | null>(a.staff.id);
  const [date, setDate] = useState(a.localDate < today ? today : a.localDate);
  const [slot, setSlot] = useState<Slot | null>(null);
  const [problem, setProblem] = useState<SlotProblem | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reschedule = useMutation(trpc.appointments.reschedule.mutationOptions());

  async function move(picked: { slotId: string }) {
    setError(null);
    setProblem(null);
    try {
      const result = await reschedule.mutateAsync({ businessId, appointmentId: a.id, slotId: picked.slotId, staffId });
      if (result.ok) onChanged({ kind: "rescheduled", appointment: result.appointment });
      else setProblem(result);
    } catch (e) {
      setError(problemText(e));
    }
  }

  return (
    <form
      className="flex min-h-0 flex-1 flex-col"
      onSubmit={(e) => {
        e.preventDefault();
        if (!slot) return setError("Pick one of the free times.");
        void move(slot);
      }}
    >
      <ModalBody>
        <div>
          <label htmlFor={staffFieldId} className="mb-1 block text-sm font-medium">
            With
          </label>
          <select
            id={staffFieldId}
            data-autofocus
            value={staffId ?? ""}
            onChange={(e) => {
              setStaffId(e.target.value || null);
              setSlot(null);
              setProblem(null);
            }}
            className={fieldStyles}
          >
            {!performers.some((p) => p.id === a.staff.id) && <option value={a.staff.id}>{a.staff.name}</option>}
            {performers.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
                {p.id === a.staff.id ? " (as booked)" : ""}
              </option>
            ))}
            <option value="">Anyone available</option>
          </select>
        </div>
        <SlotPicker
          businessId={businessId}
          serviceId={a.service.id}
          staffId={staffId}
          date={date}
          today={today}
          timezone={timezone}
          value={slot}
          onDateChange={(d) => {
            setDate(d);
            setSlot(null);
            setProblem(null);
          }}
          onChange={(s) => {
            setSlot(s);
            setProblem(null);
            setError(null);
          }}
        />
      </ModalBody>
      {(problem || error) && (
        <div className="border-t border-slate-100 px-4 py-3 sm:px-5">
          {problem ? (
            <SlotProblemNote problem={problem} timezone={timezone} actionLabel="Move to" pending={reschedule.isPending} onPick={(alternative) => void move(alternative)} />
          ) : (
            <ErrorNote>{error}</ErrorNote>
          )}
        </div>
      )}
      <ModalFooter>
        <button type="button" onClick={onBack} className={buttonStyles.secondary}>
          Back
        </button>
        <button type="submit" disabled={reschedule.isPending} className={buttonStyles.primary}>
          {reschedule.isPending ? "Moving…" : "Move appointment"}
        </button>
      </ModalFooter>
    </form>
  );
}

function CancelStep({
  businessId,
  appointment: a,
  who,
  onBack,
  onChanged,
}: {
  businessId: string;
  appointment: ListedAppointment;
  who: string;
  onBack: () => void;
  onChanged: (change: AppointmentChange) => void;
}) {
  const trpc = useTRPC();
  const reasonId = useId();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const cancel = useMutation(trpc.appointments.cancel.mutationOptions());

  return (
    <form
      className="flex min-h-0 flex-1 flex-col"
      onSubmit={async (e) => {
        e.preventDefault();
        setError(null);
        try {
          const cancelled = await cancel.mutateAsync({ businessId, appointmentId: a.id, reason: reason.trim() || undefined });
          onChanged({ kind: "cancelled", appointment: cancelled });
        } catch (err) {
          setError(problemText(err));
        }
      }}
    >
      <ModalBody>
        <p className="text-sm">
          Cancel {who}&apos;s {a.service.name.toLowerCase()} with {a.staff.name}? The time becomes free for others to book.
        </p>
        <div>
          <label htmlFor={reasonId} className="mb-1 block text-sm font-medium">
            Reason <span className="font-normal text-slate-400">(optional, kept in the notes)</span>
          </label>
          <textarea id={reasonId} data-autofocus rows={2} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} className={fieldStyles} />
        </div>
        {error && <ErrorNote>{error}</ErrorNote>}
      </ModalBody>
      <ModalFooter>
        <button type="button" onClick={onBack} className={buttonStyles.secondary}>
          Keep appointment
        </button>
        <button type="submit" disabled={cancel.isPending} className={buttonStyles.danger}>
          {cancel.isPending ? "Cancelling…" : "Cancel appointment"}
        </button>
      </ModalFooter>
    </form>
  );
}

function NoShowStep({
  businessId,
  appointment: a,
  who,
  onBack,
  onChanged,
}: {
  businessId: string;
  appointment: ListedAppointment;
  who: string;
  onBack: () => void;
  onChanged: (change: AppointmentChange) => void;
}) {
  const trpc = useTRPC();
  const [error, setError] = useState<string | null>(null);
  const markNoShow = useMutation(trpc.appointments.markNoShow.mutationOptions());
  return (
    <>
      <ModalBody>
        <p className="text-sm">Record that {who} did not come? It is kept in their history.</p>
        {error && <ErrorNote>{error}</ErrorNote>}
      </ModalBody>
      <ModalFooter>
        <button type="button" onClick={onBack} className={buttonStyles.secondary}>
          Back
        </button>
        <button
          type="button"
          data-autofocus
          disabled={markNoShow.isPending}
          onClick={async () => {
            setError(null);
            try {
              onChanged({ kind: "no-show", appointment: await markNoShow.mutateAsync({ businessId, appointmentId: a.id }) });
            } catch (err) {
              setError(problemText(err));
            }
          }}
          className={buttonStyles.primary}
        >
          {markNoShow.isPending ? "Saving…" : "Mark no-show"}
        </button>
      </ModalFooter>
    </>
  );
}
