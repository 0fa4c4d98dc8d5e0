// Settings → Hours & holidays: the weekly opening hours, and dates with other hours or closed.
import { SettingsPage } from "../_components/settings-page";
import { currentBusiness, type BusinessSearchParams } from "../../current-business";
import { DateOverrides } from "./date-overrides";
import { WeeklyHoursForm } from "./weekly-hours-form";

export const dynamic = "force-dynamic";

export default async function HoursPage({ searchParams }: { searchParams: BusinessSearchParams }) {
  const { api, businessId, canEdit } = await currentBusiness(searchParams);
  const hours = await api.settings.hours({ businessId });
  return (
    <SettingsPage title="Hours & holidays" description={`When callers can book, on your business's clock (${hours.timezone.replaceAll("_", " ")}).`} canEdit={canEdit}>
      <WeeklyHoursForm businessId={businessId} canEdit={canEdit} weekly={hours.weekly} />
      <DateOverrides businessId={businessId} canEdit={canEdit} today={hours.today} overrides={hours.overrides} />
    </SettingsPage>
  );
}
