// Starting points for the onboarding wizard: the usual services of a salon, a dental office, an
// auto repair shop and a consultancy, with typical lengths and prices, plus questions callers
// often ask. The owner edits all of it before anything is saved. Pure data (the browser imports it).
export type ServiceTemplateId = "salon" | "dental" | "auto_repair" | "consulting";

export interface ServiceTemplate {
  id: ServiceTemplateId;
  label: string;
  services: { name: string; durationMinutes: number; priceCents: number; bufferAfterMinutes?: number; synonyms?: string[] }[];
  faq: { question: string; answer: string }[];
}

export const SERVICE_TEMPLATES: readonly ServiceTemplate[] = [
  {
    id: "salon",
    label: "Hair salon",
    services: [
      { name: "Women's haircut", durationMinutes: 60, priceCents: 6500, bufferAfterMinutes: 10, synonyms: ["haircut", "cut", "trim"] },
      { name: "Men's haircut", durationMinutes: 30, priceCents: 3500, bufferAfterMinutes: 5, synonyms: ["haircut", "cut", "trim"] },
      { name: "Color", durationMinutes: 120, priceCents: 12000, bufferAfterMinutes: 15, synonyms: ["colour", "dye", "highlights"] },
      { name: "Blow-dry", durationMinutes: 45, priceCents: 4000, synonyms: ["blowout", "blow dry"] },
    ],
    faq: [
      { question: "Do you take walk-ins?", answer: "We welcome walk-ins when a stylist is free, but booking ahead is the surest way to get a time." },
      { question: "Is there parking?", answer: "Yes, there is free street parking in front of the salon." },
    ],
  },
  {
    id: "dental",
    label: "Dental office",
    services: [
      { name: "Check-up and cleaning", durationMinutes: 60, priceCents: 15000, bufferAfterMinutes: 10, synonyms: ["cleaning", "checkup", "exam"] },
      { name: "Filling", durationMinutes: 45, priceCents: 18000, bufferAfterMinutes: 10 },
      { name: "Teeth whitening", durationMinutes: 90, priceCents: 35000, bufferAfterMinutes: 10, synonyms: ["whitening", "bleaching"] },
      { name: "Emergency visit", durationMinutes: 30, priceCents: 12000, synonyms: ["toothache", "emergency"] },
    ],
    faq: [
      { question: "Do you accept insurance?", answer: "We accept most major dental insurance plans. Bring your insurance card to your visit." },
      { question: "Do you see children?", answer: "Yes, we see patients of all ages, children included." },
    ],
  },
  {
    id: "auto_repair",
    label: "Auto repair shop",
    services: [
      { name: "Oil change", durationMinutes: 30, priceCents: 5000, synonyms: ["oil", "lube"] },
      { name: "Tire rotation", durationMinutes: 30, priceCents: 3000, synonyms: ["tires", "tyres"] },
      { name: "Brake inspection", durationMinutes: 60, priceCents: 8000, synonyms: ["brakes"] },
      { name: "Diagnostic check", durationMinutes: 60, priceCents: 10000, synonyms: ["check engine", "diagnostic"] },
    ],
    faq: [
      { question: "Can I wait while my car is serviced?", answer: "Yes, we have a waiting room with coffee and wifi. Shorter services are done while you wait." },
      { question: "Do you offer a loaner car?", answer: "We do not offer loaner cars, but we can arrange a ride to nearby places." },
    ],
  },
  {
    id: "consulting",
    label: "Consulting",
    services: [
      { name: "Free introductory call", durationMinutes: 15, priceCents: 0, synonyms: ["intro", "introduction"] },
      { name: "Consultation", durationMinutes: 60, priceCents: 15000, bufferAfterMinutes: 15, synonyms: ["meeting", "session"] },
      { name: "Strategy workshop", durationMinutes: 120, priceCents: 40000, bufferAfterMinutes: 15, synonyms: ["workshop"] },
    ],
    faq: [
      { question: "Do you meet online?", answer: "Yes, every session can be held by video call or in person at our office." },
      { question: "How do I pay?", answer: "We send an invoice after the session, payable by card or bank transfer." },
    ],
  },
];

export function serviceTemplate(id: ServiceTemplateId): ServiceTemplate {
  return SERVICE_TEMPLATES.find((t) => t.id === id)!;
}
