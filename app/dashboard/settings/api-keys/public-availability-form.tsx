"use client";
// Whether a website may show the business's free times without a key (GET services and
// availability); booking always needs one.
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/app/_trpc/client";
import { Card, Checkbox, SaveBar } from "../_components/fields";
import { useFormErrors } from "../_components/form-errors";

export function PublicAvailabilityForm({ businessId, slug, enabled }: { businessId: string; slug: string; enabled: boolean }) {
  const trpc = useTRPC();
  const form = useFormErrors();
  const save = useMutation(trpc.settings.updatePublicAvailability.mutationOptions());
  const [publicAvailability, setPublicAvailability] = useState(enabled);
  const [saved, setSaved] = useState<string | null>(null);

  async function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    try {
      await save.mutateAsync({ businessId, publicAvailability });
      setSaved(publicAvailability ? "Free times are public." : "Free times now need a key.");
    } catch (error) {
      form.fromServer(error);
    }
  }

  return (
    <Card title="Public availability">
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        <Checkbox
          checked={publicAvailability}
          onChange={(value) => {
            setSaved(null);
            setPublicAvailability(value);
          }}
          label="Anyone may see your services and free times without a key"
          description={
            <>
              For a booking widget on your website: <code>/api/v1/businesses/{slug}/availability</code> answers without a key. Booking, moving and cancelling always need one.
            </>
          }
        />
        <SaveBar pending={save.isPending} saved={saved} error={form.formError} />
      </form>
    </Card>
  );
}
