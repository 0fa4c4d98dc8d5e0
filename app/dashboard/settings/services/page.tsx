// Settings → Services: what callers can book, how long it takes, what it costs, and the rules
// for booking it.
import { SettingsPage } from "../_components/settings-page";
import { currentBusiness, type BusinessSearchParams } from "../../current-business";
import { ServicesList } from "./services-list";

export const dynamic = "force-dynamic";

export default async function ServicesPage({ searchParams }: { searchParams: BusinessSearchParams }) {
  const { api, businessId, canEdit } = await currentBusiness(searchParams);
  const [services, { staff }] = await Promise.all([api.settings.services({ businessId }), api.settings.staff({ businessId })]);
  return (
    <SettingsPage title="Services" description="What callers can book. Switch a service off to stop offering it; past appointments keep it." canEdit={canEdit}>
      <ServicesList businessId={businessId} canEdit={canEdit} services={services} staff={staff.map((m) => ({ id: m.id, name: m.name, active: m.active }))} />
    </SettingsPage>
  );
}
