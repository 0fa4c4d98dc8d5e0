// Settings → API keys (owners and admins): keys for the public booking API (a key is shown once,
// when it is created; afterwards only its prefix identifies it), and whether free times are
// public.
import { Card } from "../_components/fields";
import { SettingsPage } from "../_components/settings-page";
import { currentBusiness, type BusinessSearchParams } from "../../current-business";
import { ApiKeysManager } from "./api-keys-manager";
import { PublicAvailabilityForm } from "./public-availability-form";

export const dynamic = "force-dynamic";

export default async function ApiKeysPage({ searchParams }: { searchParams: BusinessSearchParams }) {
  const { api, businessId, canEdit } = await currentBusiness(searchParams);
  if (!canEdit) {
    return (
      <SettingsPage title="API keys" canEdit>
        <Card title="Owners and admins only">
          <p className="text-sm text-slate-600">API keys give full booking access to your business, so only owners and admins can see or manage them.</p>
        </Card>
      </SettingsPage>
    );
  }
  const [keys, profile, settings] = await Promise.all([api.settings.apiKeys({ businessId }), api.settings.profile({ businessId }), api.settings.get({ businessId })]);
  return (
    <SettingsPage title="API keys" description="For your website or other software to check availability and book through the REST API." canEdit>
      <ApiKeysManager businessId={businessId} slug={profile.slug} keys={keys} />
      <PublicAvailabilityForm businessId={businessId} slug={profile.slug} enabled={settings.publicAvailability} />
    </SettingsPage>
  );
}
