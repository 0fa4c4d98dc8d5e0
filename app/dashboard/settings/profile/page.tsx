// Settings → Business profile: name, time zone, contact details, and the numbers callers dial.
import { SettingsPage } from "../_components/settings-page";
import { currentBusiness, type BusinessSearchParams } from "../../current-business";
import { PhoneNumbers } from "./phone-numbers";
import { ProfileForm } from "./profile-form";

export const dynamic = "force-dynamic";

export default async function ProfilePage({ searchParams }: { searchParams: BusinessSearchParams }) {
  const { api, businessId, canEdit } = await currentBusiness(searchParams);
  const profile = await api.settings.profile({ businessId });
  return (
    <SettingsPage title="Business profile" description="How your business is named and reached." canEdit={canEdit}>
      <ProfileForm businessId={businessId} canEdit={canEdit} profile={profile} />
      <PhoneNumbers businessId={businessId} canEdit={canEdit} numbers={profile.phoneNumbers} />
    </SettingsPage>
  );
}
