// Settings → Notifications: the texts of confirmations, reminders, moves and cancellations, and
// when reminders go out.
import { SettingsPage } from "../_components/settings-page";
import { currentBusiness, type BusinessSearchParams } from "../../current-business";
import { NotificationsForm } from "./notifications-form";

export const dynamic = "force-dynamic";

export default async function NotificationsPage({ searchParams }: { searchParams: BusinessSearchParams }) {
  const { api, businessId, canEdit } = await currentBusiness(searchParams);
  const settings = await api.settings.get({ businessId });
  return (
    <SettingsPage title="Notifications" description="What customers receive by text message and email." canEdit={canEdit}>
      <NotificationsForm businessId={businessId} canEdit={canEdit} notifications={settings.notifications} />
    </SettingsPage>
  );
}
