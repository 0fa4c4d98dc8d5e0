"use client";
// The business's name, time zone and contact details, checked with the same schema the server uses.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { updateBusinessProfileInput } from "@/server/businesses/business-profile-input";
import { Card, Field, SaveBar, TextArea, TextInput } from "../_components/fields";
import { useFormErrors } from "../_components/form-errors";
import { TimeZoneSelect } from "../_components/time-zone-select";

interface Profile {
  name: string;
  slug: string;
  timezone: string;
  contactPhone: string | null;
  email: string | null;
  address: string | null;
}

export function ProfileForm({ businessId, canEdit, profile }: { businessId: string; canEdit: boolean; profile: Profile }) {
  const trpc = useTRPC();
  const router = useRouter();
  const form = useFormErrors();
  const [saved, setSaved] = useState<string | null>(null);
  const [values, setValues] = useState({
    name: profile.name,
    timezone: profile.timezone,
    contactPhone: profile.contactPhone ?? "",
    email: profile.email ?? "",
    address: profile.address ?? "",
  });
  const set = (key: keyof typeof values) => (value: string) => {
    setSaved(null);
    setValues((v) => ({ ...v, [key]: value }));
  };
  const save = useMutation(trpc.settings.updateProfile.mutationOptions());

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    setSaved(null);
    const input = form.check(updateBusinessProfileInput, values);
    if (!input) return;
    try {
      const after = await save.mutateAsync({ businessId, ...input });
      setValues({ name: after.name, timezone: after.timezone, contactPhone: after.contactPhone ?? "", email: after.email ?? "", address: after.address ?? "" });
      setSaved("Profile saved.");
      router.refresh();
    } catch (error) {
      form.fromServer(error);
    }
  }

  return (
    <Card title="Profile" description={<>Your booking address for the API: <code className="rounded bg-slate-100 px-1">{profile.slug}</code> (it does not change with the name).</>}>
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        <fieldset disabled={!canEdit} className="grid gap-4 sm:grid-cols-2">
          <Field label="Business name" error={form.errors.name} className="sm:col-span-2">
            {(p) => <TextInput {...p} value={values.name} onChange={set("name")} autoComplete="organization" />}
          </Field>
          <Field label="Time zone" error={form.errors.timezone} hint="Opening hours and appointments use this zone's clock.">
            {(p) => <TimeZoneSelect {...p} value={values.timezone} onChange={set("timezone")} disabled={!canEdit} />}
          </Field>
          <Field label="Contact phone" error={form.errors.contactPhone} hint="Told to callers; calls are transferred here unless the receptionist has its own transfer number.">
            {(p) => <TextInput {...p} type="tel" inputMode="tel" value={values.contactPhone} onChange={set("contactPhone")} placeholder="+1 555 123 4567" />}
          </Field>
          <Field label="Email" error={form.errors.email}>
            {(p) => <TextInput {...p} type="email" value={values.email} onChange={set("email")} autoComplete="email" placeholder="hello@example.com" />}
          </Field>
          <Field label="Address" error={form.errors.address} className="sm:col-span-2">
            {(p) => <TextArea {...p} rows={2} value={values.address} onChange={set("address")} autoComplete="street-address" />}
          </Field>
        </fieldset>
        <SaveBar pending={save.isPending} disabled={!canEdit} saved={saved} error={form.formError} />
      </form>
    </Card>
  );
}
