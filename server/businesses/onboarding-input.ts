// What the onboarding wizard collects, step by step. The browser checks each step with its own
// schema before moving on; the server checks the whole (onboardingInput) before creating anything.
// Staff say which services they perform by the services' positions in the list, since nothing
// has an id before the business exists.
import { z } from "zod";
import { agentLanguages, agentVoice, greeting } from "./agent-settings-input";
import { businessName, e164Phone, timeZoneName } from "./contact-fields";
import { faqEntry } from "./faq-input";
import { serviceDuration, serviceName, servicePriceCents } from "./service-input";
import { staffName } from "./staff-member-input";
import { weeklyRanges } from "./weekly-hours-input";

export const onboardingBusinessStep = z.object({
  name: businessName,
  timezone: timeZoneName,
  /** The number callers dial; also the business's contact phone. */
  phone: e164Phone,
});

export const onboardingHoursStep = z.object({
  hours: weeklyRanges.min(1, "Open on at least one day."),
});

export const onboardingService = z.object({
  name: serviceName,
  durationMinutes: serviceDuration,
  priceCents: servicePriceCents,
  /** Carried over from the template; not shown in the wizard. */
  bufferAfterMinutes: z.number().int().min(0).max(240).default(0),
  synonyms: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
});

const uniqueNames = (list: { name: string }[], ctx: z.RefinementCtx, what: string) => {
  list.forEach((item, i) => {
    if (list.findIndex((o) => o.name.trim().toLowerCase() === item.name.trim().toLowerCase()) < i) {
      ctx.addIssue({ code: "custom", path: [i, "name"], message: `There is already ${what} with this name.` });
    }
  });
};

export const onboardingServicesStep = z.object({
  template: z.enum(["salon", "dental", "auto_repair", "consulting", "custom"], {
    error: "Choose the kind of business closest to yours, or start from scratch.",
  }),
  services: z
    .array(onboardingService)
    .min(1, "Add at least one service callers can book.")
    .max(30, "At most 30 services; add more later in Settings.")
    .superRefine((list, ctx) => uniqueNames(list, ctx, "a service")),
});

export const onboardingStaffMember = z.object({
  name: staffName,
  /** Positions in `services`. */
  serviceIndexes: z.array(z.number().int().min(0)).max(30),
});

export const onboardingStaffStep = z.object({
  staff: z
    .array(onboardingStaffMember)
    .min(1, "Add at least one person who takes appointments.")
    .max(30, "At most 30 people; add more later in Settings.")
    .superRefine((list, ctx) => uniqueNames(list, ctx, "someone")),
});

export const onboardingAgentStep = z.object({
  greeting,
  voice: agentVoice,
  languages: agentLanguages,
});

export const onboardingFaqStep = z.object({
  faq: z.array(faqEntry).max(10, "At most 10 questions here; add more later in Settings."),
});

export const onboardingInput = z
  .object({
    ...onboardingBusinessStep.shape,
    ...onboardingHoursStep.shape,
    ...onboardingServicesStep.shape,
    ...onboardingStaffStep.shape,
    agent: onboardingAgentStep,
    ...onboardingFaqStep.shape,
  })
  .superRefine((input, ctx) => {
    input.staff.forEach((member, i) => {
      if (member.serviceIndexes.some((index) => index >= input.services.length)) {
        ctx.addIssue({ code: "custom", path: ["staff", i, "serviceIndexes"], message: "Pick services from the list." });
      }
    });
    input.services.forEach((service, index) => {
      if (!input.staff.some((m) => m.serviceIndexes.includes(index))) {
        ctx.addIssue({ code: "custom", path: ["staff"], message: `Nobody performs "${service.name}". Tick it for at least one person.` });
      }
    });
  });

export type OnboardingInput = z.input<typeof onboardingInput>;
