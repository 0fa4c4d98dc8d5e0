"use client";
// "New appointment": service, who (or anyone), a free time on a day, the customer and notes,
// booked through the same command every channel uses.
import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { durationLabel, priceLabel } from "./format";
import { buttonStyles, ErrorNote, fieldStyles, Modal, ModalBody, ModalFooter } from "./modal";
import { problemText } from "./problem-text";
import { SlotPicker } from "./slot-picker";
import { SlotProblemNote } from "./slot-problem";
import type { BookedAppointment, BookingOptions, Slot, SlotProblem } from "./types";

const E164 = /^\+[1-9]\d{6,14}$/;

/** "+1 (555) 123-4567" → "+15551234567"; anything else is left for the check to reject. */
function normalizePhone(raw: string): string {
  return raw.trim().replace(/[\s().-]/g, "");
}

function newIdempotencyKey(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

export function NewAppointmentDialog({
  businessId,
  options,
  today,
  initialDate,
  onClose,
  onBooked,
}: {
  businessId: string;
  options: BookingOptions;
  today: string;
  initialDate: string;
  onClose: () => void;
  onBooked: (appointment: BookedAppointment) => void;
}) {
  const trpc = useTRPC();
  const ids = { service: useId(), staff: useId(), phone: useId(), phoneHint: useId(), name: useId(), email: useId(), notes: useId() };
  const [serviceId, setServiceId] = useState("");
  const [staffId, setStaffId] = useState<string | null>(null);
  const [date, setDate] = useState(initialDate < today ? today : initialDate);
  const [slot, setSlot] = useState<Slot | null>(null);
  const [phone, setPhone] = useState("");
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [notes, setNotes] = useState("");
  const [formError, setFormError] = useState<string | null>(null);
  const [phoneInvalid, setPhoneInvalid] = useState(false);
  const [problem, setProblem] = useState<SlotProblem | null>(null);
  const [idempotencyKey] = useState(newIdempotencyKey);
  const book = useMutation(trpc.appointments.book.mutationOptions());

  const service = options.services.find((s) => s.id === serviceId);
  const performers = options.staff.filter((p) => service?.staffIds.includes(p.id));

  function changeTime(update: () => void) {
    update();
    setSlot(null);
    setProblem(null);
  }

  async function submit(picked: { slotId: string }) {
    setFormError(null);
    setProblem(null);
    const normalized = normalizePhone(phone);
    if (!E164.test(normalized)) {
      setPhoneInvalid(true);
      setFormError("Enter the customer's phone number in international format, for example +1 555 123 4567.");
      return;
    }
    setPhoneInvalid(false);
    try {
      const result = await book.mutateAsync({
        businessId,
        serviceId,
        slotId: picked.slotId,
        staffId,
        customer: { phone: normalized, name: name.trim() || undefined, email: email.trim() || undefined },
        notes: notes.trim() || undefined,
        idempotencyKey,
      });
      if (result.ok) onBooked(result.appointment);
      else setProblem(result);
    } catch (error) {
      setFormError(problemText(error));
    }
  }

  return (
    <Modal title="New appointment" onClose={onClose}>
      <form
        className="flex min-h-0 flex-1 flex-col"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!service) return setFormError("Choose a service.");
          if (!slot) return setFormError("Pick one of the free times.");
          void submit(slot);
        }}
      >
        <ModalBody>
          <div className="grid gap-3 sm:grid-cols-2">
            <div>
              <label htmlFor={ids.service} className="mb-1 block text-sm font-medium">
                Service
              </label>
              <select
                id={ids.service}
                data-autofocus
                required
                value={serviceId}
                onChange={(e) =>
                  changeTime(() => {
                    const next = options.services.find((s) => s.id === e.target.value);
                    setServiceId(e.target.value);
                    if (staffId && !next?.staffIds.includes(staffId)) setStaffId(null);
                  })
                }
                className={fieldStyles}
              >
                <option value="" disabled>
                  Choose a service…
                </option>
                {options.services.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
              {service && (
                <p className="mt-1 text-xs text-slate-500">
                  {[durationLabel(service.durationMinutes), priceLabel(service.priceCents, service.currency)].filter(Boolean).join(" · ")}
                </p>
              )}
            </div>
            <div>
              <label htmlFor={ids.staff} className="mb-1 block text-sm font-medium">
                With
              </label>
              <select
                id={ids.staff}
                value={staffId ?? ""}
                disabled={!service}
                onChange={(e) => changeTime(() => setStaffId(e.target.value || null))}
                className={`${fieldStyles} disabled:bg-slate-50`}
              >
                <option value="">Anyone available</option>
                {performers.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            </div>
          </div>

          {service ? (
            <SlotPicker
              businessId={businessId}
              serviceId={service.id}
              staffId={staffId}
              date={date}
              today={today}
              timezone={options.timezone}
              value={slot}
              onDateChange={(d) => changeTime(() => setDate(d))}
              onChange={(s) => {
                setSlot(s);
                setProblem(null);
                setFormError(null);
              }}
            />
          ) : options.services.length === 0 ? (
            <p className="rounded-md border border-dashed border-slate-300 px-3 py-3 text-sm text-slate-600">
              This business offers no services yet. Add one in Settings to start booking.
            </p>
          ) : (
            <p className="rounded-md border border-dashed border-slate-300 px-3 py-3 text-sm text-slate-500">Choose a service to see free times.</p>
          )}

          <fieldset className="space-y-3">
            <legend className="mb-1 text-sm font-medium">Customer</legend>
            <div>
              <label htmlFor={ids.phone} className="mb-1 block text-sm text-slate-700">
                Phone
              </label>
              <input
                id={ids.phone}
                type="tel"
                autoComplete="off"
                inputMode="tel"
                required
                placeholder="+1 555 123 4567"
                aria-invalid={phoneInvalid}
                aria-describedby={ids.phoneHint}
                value={phone}
                onChange={(e) => setPhone(e.target.value)}
                className={fieldStyles}
              />
              <p id={ids.phoneHint} className="mt-1 text-xs text-slate-500">
                With the country code. A known number books for that customer.
              </p>
            </div>
            <div className="grid gap-3 sm:grid-cols-2">
              <div>
                <label htmlFor={ids.name} className="mb-1 block text-sm text-slate-700">
                  Name <span className="text-slate-400">(optional)</span>
                </label>
                <input id={ids.name} autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} className={fieldStyles} />
              </div>
              <div>
                <label htmlFor={ids.email} className="mb-1 block text-sm text-slate-700">
                  Email <span className="text-slate-400">(optional)</span>
                </label>
                <input id={ids.email} type="email" autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} className={fieldStyles} />
              </div>
            </div>
          </fieldset>

          <div>
            <label htmlFor={ids.notes} className="mb-1 block text-sm font-medium">
              Notes <span className="font-normal text-slate-400">(optional)</span>
            </label>
            <textarea id={ids.notes} rows={2} maxLength={2000} value={notes} onChange={(e) => setNotes(e.target.value)} className={fieldStyles} />
          </div>
        </ModalBody>

        {(problem || formError) && (
          <div className="border-t border-slate-100 px-4 py-3 sm:px-5">
            {problem ? (
              <SlotProblemNote problem={problem} timezone={options.timezone} actionLabel="Book" pending={book.isPending} onPick={(alternative) => void submit(alternative)} />
            ) : (
              <ErrorNote>{formError}</ErrorNote>
            )}
          </div>
        )}

        <ModalFooter>
          <button type="button" onClick={onClose} className={buttonStyles.secondary}>
            Cancel
          </button>
          <button type="submit" disabled={book.isPending} className={buttonStyles.primary}>
            {book.isPending ? "Booking…" : "Book"}
          </button>
        </ModalFooter>
      </form>
    </Modal>
  );
}
