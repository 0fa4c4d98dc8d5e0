// Settings → Booking policy: how late callers may cancel or move, and the waitlist hold.
import { SettingsPage } from "../_components/settings-page";
import { currentBusiness, type BusinessSearchParams } from "../../current-business";
import { BookingPolicyForm } from "./booking-policy-form";

export const dynamic = "force-dynamic";

export default async function BookingPolicyPage({ searchParams }: { searchParams: BusinessSearchParams }) {
  const { api, businessId, canEdit } = await currentBusiness(searchParams);
  const settings = await api.settings.get({ businessId });
  return (
    <SettingsPage title="Booking policy" description="What callers may change themselves, by phone or text. You can always change any appointment here." canEdit={canEdit}>
      <BookingPolicyForm businessId={businessId} canEdit={canEdit} policy={settings.booking} />
    </SettingsPage>
  );
}
