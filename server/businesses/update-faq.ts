// The questions and answers the receptionist answers from, replaced as a whole list (the page
// edits them together and their order is the owner's).
import type { Actor } from "../audit";
import type { Db } from "../db";
import type { FaqEntry } from "./faq-input";
import { writeSettingsSection } from "./write-settings-section";

export function updateFaq(db: Db, { businessId, entries }: { businessId: string; entries: FaqEntry[] }, { actor }: { actor: Actor }) {
  return writeSettingsSection(db, { businessId, section: "faq", value: entries }, { actor, action: "settings.faq.update" });
}
