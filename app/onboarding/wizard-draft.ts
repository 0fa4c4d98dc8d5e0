// The onboarding wizard's state as the owner edits it (text as typed, services and staff keyed
// so rows can be added and removed), and its conversion to the shared onboardingInput that the
// browser checks step by step and the server checks as a whole.
import { DEFAULT_GREETING, type AgentLanguage, type AgentVoice } from "@/server/businesses/agent-settings-input";
import type { FaqEntry } from "@/server/businesses/faq-input";
import type { OnboardingInput } from "@/server/businesses/onboarding-input";
import { serviceTemplate, type ServiceTemplateId } from "@/server/businesses/service-templates";
import { toCents, toNumber } from "../dashboard/settings/_components/fields";
import { weekDraftToRanges, type WeekDraft } from "../dashboard/settings/_components/week-hours-editor";

export interface ServiceDraft {
  key: string;
  name: string;
  duration: string;
  price: string;
  bufferAfterMinutes: number;
  synonyms: string[];
}

export interface StaffDraft {
  key: string;
  name: string;
  serviceKeys: string[];
}

export interface WizardDraft {
  name: string;
  /** "" until chosen: the browser's detected zone is used. */
  timezone: string;
  phone: string;
  week: WeekDraft;
  template: ServiceTemplateId | "custom" | null;
  services: ServiceDraft[];
  staff: StaffDraft[];
  /** null until edited: a greeting with the business's name is suggested. */
  greeting: string | null;
  voice: AgentVoice;
  languages: AgentLanguage[];
  /** null until edited: the template's questions are suggested. */
  faq: FaqEntry[] | null;
}

let keyCounter = 0;
export const newKey = (prefix: string) => `${prefix}-${++keyCounter}`;

export function initialDraft(): WizardDraft {
  const weekday = { open: true, ranges: [{ start: "09:00", end: "17:00" }] };
  const closed = { open: false, ranges: [{ start: "09:00", end: "17:00" }] };
  return {
    name: "",
    timezone: "",
    phone: "",
    week: [closed, weekday, weekday, weekday, weekday, weekday, closed],
    template: null,
    services: [],
    staff: [{ key: newKey("staff"), name: "", serviceKeys: [] }],
    greeting: null,
    voice: "warm",
    languages: ["en"],
    faq: null,
  };
}

export function suggestedGreeting(name: string): string {
  const business = name.trim();
  return business ? `Thanks for calling ${business}! This is the virtual receptionist. How can I help you today?` : DEFAULT_GREETING;
}

export const greetingOf = (draft: WizardDraft) => draft.greeting ?? suggestedGreeting(draft.name);
export const faqOf = (draft: WizardDraft): FaqEntry[] => draft.faq ?? (draft.template && draft.template !== "custom" ? serviceTemplate(draft.template).faq : []);

/** Chooses a template: its services replace the list, and every staff member performs them all. */
export function applyTemplate(draft: WizardDraft, template: ServiceTemplateId | "custom"): WizardDraft {
  const services: ServiceDraft[] =
    template === "custom"
      ? [{ key: newKey("service"), name: "", duration: "30", price: "0.00", bufferAfterMinutes: 0, synonyms: [] }]
      : serviceTemplate(template).services.map((s) => ({
          key: newKey("service"),
          name: s.name,
          duration: String(s.durationMinutes),
          price: (s.priceCents / 100).toFixed(2),
          bufferAfterMinutes: s.bufferAfterMinutes ?? 0,
          synonyms: s.synonyms ?? [],
        }));
  const keys = services.map((s) => s.key);
  return { ...draft, template, services, staff: draft.staff.map((m) => ({ ...m, serviceKeys: keys })) };
}

export function toOnboardingInput(draft: WizardDraft, detectedTimeZone: string): OnboardingInput {
  const index = new Map(draft.services.map((s, i) => [s.key, i]));
  return {
    name: draft.name,
    timezone: draft.timezone || detectedTimeZone,
    phone: draft.phone,
    hours: weekDraftToRanges(draft.week),
    // null is refused by the schema with its own words ("Choose the kind of business…").
    template: draft.template as OnboardingInput["template"],
    services: draft.services.map((s) => ({ name: s.name, durationMinutes: toNumber(s.duration), priceCents: toCents(s.price), bufferAfterMinutes: s.bufferAfterMinutes, synonyms: s.synonyms })),
    staff: draft.staff.map((m) => ({ name: m.name, serviceIndexes: m.serviceKeys.filter((k) => index.has(k)).map((k) => index.get(k)!) })),
    agent: { greeting: greetingOf(draft), voice: draft.voice, languages: draft.languages },
    faq: faqOf(draft),
  };
}
