// Settings → Team: who can sign in to the business, with their roles. Reading and changing the
// team goes through the members router (invitations by email, roles, removal).
import { createContext } from "@/server/trpc/context";
import { SettingsPage } from "../_components/settings-page";
import { currentBusiness, type BusinessSearchParams } from "../../current-business";
import { TeamManager } from "./team-manager";

export const dynamic = "force-dynamic";

export default async function TeamPage({ searchParams }: { searchParams: BusinessSearchParams }) {
  const { api, businessId, canEdit, role } = await currentBusiness(searchParams);
  const [team, { userId }] = await Promise.all([api.members.list({ businessId }), createContext()]);
  return (
    <SettingsPage
      title="Team"
      description="Owners and admins change settings and invite people; staff see the schedule and settings. Only an owner can make, change or remove an owner."
      canEdit={canEdit}
    >
      <TeamManager businessId={businessId} canEdit={canEdit} myRole={role} myUserId={userId} members={team.members} invitations={team.invitations} />
    </SettingsPage>
  );
}
