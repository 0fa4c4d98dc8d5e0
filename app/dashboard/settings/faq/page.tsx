// Settings → FAQ: questions callers ask and the answers the receptionist gives.
import { SettingsPage } from "../_components/settings-page";
import { currentBusiness, type BusinessSearchParams } from "../../current-business";
import { FaqForm } from "./faq-form";

export const dynamic = "force-dynamic";

export default async function FaqPage({ searchParams }: { searchParams: BusinessSearchParams }) {
  const { api, businessId, canEdit } = await currentBusiness(searchParams);
  const settings = await api.settings.get({ businessId });
  return (
    <SettingsPage title="FAQ" description="When a caller asks something like one of these questions, the receptionist gives your answer." canEdit={canEdit}>
      <FaqForm businessId={businessId} canEdit={canEdit} entries={settings.faq} />
    </SettingsPage>
  );
}
