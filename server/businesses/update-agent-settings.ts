// The receptionist's greeting, persona, voice, languages, transfers and after-hours behaviour.
import type { Actor } from "../audit";
import type { Db } from "../db";
import type { AgentSettings } from "./agent-settings-input";
import { writeSettingsSection } from "./write-settings-section";

export function updateAgentSettings(db: Db, { businessId, agent }: { businessId: string; agent: AgentSettings }, { actor }: { actor: Actor }) {
  return writeSettingsSection(db, { businessId, section: "agent", value: agent }, { actor, action: "settings.agent.update" });
}
