// The business's own questions and answers (Business.settings.faq), which the receptionist
// answers from (server/agent/understanding/match-faq.ts reads the same {question, answer} shape).
import { z } from "zod";

export const MAX_FAQ_ENTRIES = 30;

export const faqEntry = z.object({
  question: z
    .string({ error: "Write the question." })
    .trim()
    .min(3, "Write the question as a caller would ask it.")
    .max(200, "Keep the question under 200 characters."),
  answer: z
    .string({ error: "Write the answer." })
    .trim()
    .min(1, "Write the answer the receptionist should give.")
    .max(1000, "Keep the answer under 1,000 characters: it is read out on the phone."),
});

export const faqEntries = z.array(faqEntry).max(MAX_FAQ_ENTRIES, `At most ${MAX_FAQ_ENTRIES} questions.`);

export const updateFaqInput = z.object({ entries: faqEntries });

export type FaqEntry = z.infer<typeof faqEntry>;
