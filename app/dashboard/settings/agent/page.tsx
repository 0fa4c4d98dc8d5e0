// Settings → Receptionist: what the phone agent says, how it sounds, which languages it speaks,
// when it may transfer a caller, and what it does after hours.
import { SettingsPage } from "../_components/settings-page";
import { currentBusiness, type BusinessSearchParams } from "../../current-business";
import { AgentForm } from "./agent-form";

export const dynamic = "force-dynamic";

export default async function AgentPage({ searchParams }: { searchParams: BusinessSearchParams }) {
  const { api, businessId, canEdit } = await currentBusiness(searchParams);
  const settings = await api.settings.get({ businessId });
  return (
    <SettingsPage title="Receptionist" description="How the AI receptionist answers your phone." canEdit={canEdit}>
      <AgentForm businessId={businessId} canEdit={canEdit} agent={settings.agent} contactPhone={settings.contactPhone} />
    </SettingsPage>
  );
}
