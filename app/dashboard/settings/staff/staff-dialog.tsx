"use client";
// Adding or editing a staff member: name, contact details, calendar colour, whether they take
// bookings, and the services they perform.
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { Modal, ModalBody, ModalFooter } from "@/app/dashboard/appointments/modal";
import { upsertStaffMemberInput } from "@/server/businesses/staff-member-input";
import { buttonStyles, Checkbox, Field, FormStatus, TextInput } from "../_components/fields";
import { useFormErrors } from "../_components/form-errors";
import type { ServiceOption, StaffRow } from "./staff-list";

export function StaffDialog({ businessId, member, services, onClose, onSaved }: {
  businessId: string;
  member: StaffRow | null;
  services: ServiceOption[];
  onClose: () => void;
  onSaved: (member: { name: string }) => void;
}) {
  const trpc = useTRPC();
  const form = useFormErrors();
  const save = useMutation(trpc.settings.upsertStaffMember.mutationOptions());
  const [v, setV] = useState({
    name: member?.name ?? "",
    email: member?.email ?? "",
    phone: member?.phone ?? "",
    color: member?.color ?? "#0d9488",
    active: member?.active ?? true,
    serviceIds: member?.serviceIds ?? services.filter((s) => s.active).map((s) => s.id),
  });
  const set = <K extends keyof typeof v>(key: K) => (value: (typeof v)[K]) => setV((old) => ({ ...old, [key]: value }));

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    const input = form.check(upsertStaffMemberInput, { id: member?.id, ...v });
    if (!input) return;
    try {
      onSaved(await save.mutateAsync({ businessId, ...input }));
    } catch (error) {
      form.fromServer(error);
    }
  }

  return (
    <Modal title={member ? `Edit ${member.name}` : "Add a staff member"} description={member ? undefined : "They start with the business's opening hours; change them under Hours."} onClose={onClose}>
      <form onSubmit={onSubmit} noValidate className="flex min-h-0 flex-1 flex-col">
        <ModalBody>
          <Field label="Name" error={form.errors.name}>
            {(p) => <TextInput {...p} data-autofocus value={v.name} onChange={set("name")} autoComplete="off" />}
          </Field>
          <div className="grid gap-3 sm:grid-cols-2">
            <Field label="Email (optional)" error={form.errors.email}>
              {(p) => <TextInput {...p} type="email" value={v.email} onChange={set("email")} autoComplete="off" />}
            </Field>
            <Field label="Phone (optional)" error={form.errors.phone}>
              {(p) => <TextInput {...p} type="tel" inputMode="tel" value={v.phone} onChange={set("phone")} placeholder="+1 555 123 4567" />}
            </Field>
          </div>
          <Field label="Calendar colour" error={form.errors.color}>
            {(p) => <input {...p} type="color" value={v.color} onChange={(e) => set("color")(e.target.value)} className="h-9 w-16 rounded-md border border-slate-300 bg-white p-1" />}
          </Field>
          <Checkbox checked={v.active} onChange={set("active")} label="Takes bookings" description="Untick while someone is away for a long time; their past appointments stay." />
          <fieldset>
            <legend className="mb-1 text-sm font-medium">Services</legend>
            {services.length === 0 ? (
              <p className="text-sm text-slate-500">Add services first on the Services page.</p>
            ) : (
              <div className="grid gap-2 sm:grid-cols-2">
                {services.map((s) => (
                  <Checkbox
                    key={s.id}
                    checked={v.serviceIds.includes(s.id)}
                    onChange={(on) => set("serviceIds")(on ? [...v.serviceIds, s.id] : v.serviceIds.filter((id) => id !== s.id))}
                    label={s.active ? s.name : `${s.name} (not offered)`}
                  />
                ))}
              </div>
            )}
            {form.errors.serviceIds && <p className="mt-1 text-sm text-red-700">{form.errors.serviceIds}</p>}
          </fieldset>
          <FormStatus saved={null} error={form.formError} />
        </ModalBody>
        <ModalFooter>
          <button type="button" onClick={onClose} className={buttonStyles.secondary}>
            Cancel
          </button>
          <button type="submit" disabled={save.isPending} className={buttonStyles.primary}>
            {save.isPending ? "Saving…" : "Save"}
          </button>
        </ModalFooter>
      </form>
    </Modal>
  );
}
