"use client";
// Adding or editing one service: its name and the words callers use for it, length and price,
// buffers, booking rules, whether it is offered, and who performs it.
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { Modal, ModalBody, ModalFooter } from "@/app/dashboard/appointments/modal";
import { upsertServiceInput } from "@/server/businesses/service-input";
import { buttonStyles, centsToText, Checkbox, type ControlProps, Field, FormStatus, TextArea, TextInput, toCents, toNumber, toOptionalNumber } from "../_components/fields";
import { useFormErrors } from "../_components/form-errors";
import type { ServiceRow, StaffOption } from "./types";

export function ServiceDialog({ businessId, service, staff, onClose, onSaved }: {
  businessId: string;
  service: ServiceRow | null;
  staff: StaffOption[];
  onClose: () => void;
  onSaved: (service: { name: string }) => void;
}) {
  const trpc = useTRPC();
  const form = useFormErrors();
  const save = useMutation(trpc.settings.upsertService.mutationOptions());
  const [v, setV] = useState({
    name: service?.name ?? "",
    description: service?.description ?? "",
    synonyms: service?.synonyms.join(", ") ?? "",
    duration: String(service?.durationMinutes ?? 30),
    price: centsToText(service?.priceCents ?? 0),
    bufferBefore: String(service?.bufferBeforeMinutes ?? 0),
    bufferAfter: String(service?.bufferAfterMinutes ?? 0),
    minNotice: String(service?.minNoticeMinutes ?? 60),
    horizon: String(service?.bookingHorizonDays ?? 60),
    interval: service?.slotIntervalMinutes == null ? "" : String(service.slotIntervalMinutes),
    maxPerDay: service?.maxPerDay == null ? "" : String(service.maxPerDay),
    active: service?.active ?? true,
    staffIds: service?.staffIds ?? staff.filter((s) => s.active).map((s) => s.id),
  });
  const set = <K extends keyof typeof v>(key: K) => (value: (typeof v)[K]) => setV((old) => ({ ...old, [key]: value }));

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    const input = form.check(upsertServiceInput, {
      id: service?.id,
      name: v.name,
      description: v.description,
      synonyms: v.synonyms.split(",").map((s) => s.trim()).filter(Boolean),
      durationMinutes: toNumber(v.duration),
      priceCents: toCents(v.price),
      bufferBeforeMinutes: toNumber(v.bufferBefore),
      bufferAfterMinutes: toNumber(v.bufferAfter),
      minNoticeMinutes: toNumber(v.minNotice),
      bookingHorizonDays: toNumber(v.horizon),
      slotIntervalMinutes: toOptionalNumber(v.interval),
      maxPerDay: toOptionalNumber(v.maxPerDay),
      active: v.active,
      staffIds: v.staffIds,
    });
    if (!input) return;
    try {
      onSaved(await save.mutateAsync({ businessId, ...input }));
    } catch (error) {
      form.fromServer(error);
    }
  }

  /** The render function of a whole-number field. */
  function number(key: "duration" | "bufferBefore" | "bufferAfter" | "minNotice" | "horizon" | "interval" | "maxPerDay") {
    return function NumberControl(p: ControlProps) {
      return <TextInput {...p} type="number" inputMode="numeric" min={0} value={v[key]} onChange={set(key)} />;
    };
  }

  return (
    <Modal title={service ? `Edit ${service.name}` : "Add a service"} onClose={onClose}>
      <form onSubmit={onSubmit} noValidate className="flex min-h-0 flex-1 flex-col">
        <ModalBody>
          <Field label="Name" error={form.errors.name}>
            {(p) => <TextInput {...p} data-autofocus value={v.name} onChange={set("name")} />}
          </Field>
          <Field label="Other names callers use (optional)" hint="Separated by commas, for example: trim, cut." error={form.errors.synonyms ?? form.errors["synonyms.0"]}>
            {(p) => <TextInput {...p} value={v.synonyms} onChange={set("synonyms")} />}
          </Field>
          <Field label="Description (optional)" error={form.errors.description}>
            {(p) => <TextArea {...p} rows={2} value={v.description} onChange={set("description")} />}
          </Field>
          <div className="grid grid-cols-2 gap-3">
            <Field label="Length (minutes)" error={form.errors.durationMinutes}>
              {number("duration")}
            </Field>
            <Field label="Price ($)" error={form.errors.priceCents}>
              {(p) => <TextInput {...p} inputMode="decimal" value={v.price} onChange={set("price")} />}
            </Field>
            <Field label="Buffer before (min)" hint="Set-up time kept free." error={form.errors.bufferBeforeMinutes}>
              {number("bufferBefore")}
            </Field>
            <Field label="Buffer after (min)" hint="Clean-up time kept free." error={form.errors.bufferAfterMinutes}>
              {number("bufferAfter")}
            </Field>
            <Field label="Minimum notice (min)" hint="120 = book at least 2 hours ahead." error={form.errors.minNoticeMinutes}>
              {number("minNotice")}
            </Field>
            <Field label="Book up to (days ahead)" error={form.errors.bookingHorizonDays}>
              {number("horizon")}
            </Field>
            <Field label="Start times every (min)" hint="Empty: the service's length." error={form.errors.slotIntervalMinutes}>
              {number("interval")}
            </Field>
            <Field label="At most per day" hint="Empty: no limit." error={form.errors.maxPerDay}>
              {number("maxPerDay")}
            </Field>
          </div>
          <Checkbox checked={v.active} onChange={set("active")} label="Offered to callers" description="Untick to stop offering it without losing its history." />
          <fieldset>
            <legend className="mb-1 text-sm font-medium">Performed by</legend>
            {staff.length === 0 ? (
              <p className="text-sm text-slate-500">Add staff first on the Staff page.</p>
            ) : (
              <div className="grid gap-2 sm:grid-cols-2">
                {staff.map((s) => (
                  <Checkbox
                    key={s.id}
                    checked={v.staffIds.includes(s.id)}
                    onChange={(on) => set("staffIds")(on ? [...v.staffIds, s.id] : v.staffIds.filter((id) => id !== s.id))}
                    label={s.active ? s.name : `${s.name} (not taking bookings)`}
                  />
                ))}
              </div>
            )}
            {form.errors.staffIds && <p className="mt-1 text-sm text-red-700">{form.errors.staffIds}</p>}
          </fieldset>
          <FormStatus saved={null} error={form.formError} />
        </ModalBody>
        <ModalFooter>
          <button type="button" onClick={onClose} className={buttonStyles.secondary}>
            Cancel
          </button>
          <button type="submit" disabled={save.isPending} className={buttonStyles.primary}>
            {save.isPending ? "Saving…" : "Save service"}
          </button>
        </ModalFooter>
      </form>
    </Modal>
  );
}
