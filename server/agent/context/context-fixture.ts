// Test support: an AgentContext shaped like the demo salon (prisma/seed.ts) on Tuesday
// 24 November 2026 at 09:00 in New York, for unit tests of pure agent pieces.
import type { AgentContext } from "./agent-context";

export const FIXTURE_NOW = new Date("2026-11-24T14:00:00Z");

const open = (start: string, end: string) => [{ start, end }];

export function demoContext(overrides: Partial<AgentContext> = {}): AgentContext {
  return {
    business: {
      id: "biz", name: "Bloom Hair Studio", timezone: "America/New_York", address: "12 Main Street, Springfield",
      phone: "+15555550199", email: "hello@bloom.example", languages: ["en", "es"], greeting: null,
    },
    today: { date: "2026-11-24", weekday: 2, time: "09:00" },
    hours: [
      { weekday: 0, ranges: [] },
      { weekday: 1, ranges: [] },
      { weekday: 2, ranges: open("09:00", "18:00") },
      { weekday: 3, ranges: open("09:00", "18:00") },
      { weekday: 4, ranges: open("09:00", "18:00") },
      { weekday: 5, ranges: open("09:00", "18:00") },
      { weekday: 6, ranges: open("09:00", "16:00") },
    ],
    closures: [],
    services: [
      { id: "womens", name: "Women's haircut", synonyms: ["haircut", "cut", "trim", "corte de pelo"], durationMinutes: 60, priceCents: 6500, currency: "USD", staffIds: ["maya", "leo"] },
      { id: "mens", name: "Men's haircut", synonyms: ["haircut", "cut", "trim", "corte"], durationMinutes: 30, priceCents: 3500, currency: "USD", staffIds: ["maya", "leo"] },
      { id: "color", name: "Color", synonyms: ["colour", "dye", "highlights", "tinte"], durationMinutes: 120, priceCents: 12000, currency: "USD", staffIds: ["maya"] },
      { id: "blowdry", name: "Blow-dry", synonyms: ["blowout", "blow dry", "secado"], durationMinutes: 45, priceCents: 4000, currency: "USD", staffIds: ["maya", "leo"] },
    ],
    staff: [{ id: "maya", name: "Maya Chen" }, { id: "leo", name: "Leo Alvarez" }],
    faq: [{ id: "faq0", question: "Is there parking nearby?", answer: "Free parking behind the salon." }],
    policy: { cancellationWindowHours: 24, callersMayReschedule: true, callersMayCancel: true },
    caller: { phone: "+15551230000", known: false, customerId: null, name: null },
    upcoming: [],
    ...overrides,
  };
}
