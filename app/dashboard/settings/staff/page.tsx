// Settings → Staff: who takes appointments, which services each performs, their working hours
// and days off.
import { SettingsPage } from "../_components/settings-page";
import { currentBusiness, type BusinessSearchParams } from "../../current-business";
import { StaffList } from "./staff-list";

export const dynamic = "force-dynamic";

export default async function StaffPage({ searchParams }: { searchParams: BusinessSearchParams }) {
  const { api, businessId, canEdit } = await currentBusiness(searchParams);
  const [staff, services, hours] = await Promise.all([api.settings.staff({ businessId }), api.settings.services({ businessId }), api.settings.hours({ businessId })]);
  return (
    <SettingsPage title="Staff" description="The people callers book with. Each is bookable inside their own hours and the business's opening hours." canEdit={canEdit}>
      <StaffList
        businessId={businessId}
        canEdit={canEdit}
        today={staff.today}
        staff={staff.staff}
        services={services.map((s) => ({ id: s.id, name: s.name, active: s.active }))}
        openingHours={hours.weekly}
      />
    </SettingsPage>
  );
}
