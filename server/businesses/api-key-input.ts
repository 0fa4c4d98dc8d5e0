// Naming and revoking the business's REST API keys.
import { z } from "zod";

export const createApiKeyInput = z.object({
  name: z
    .string({ error: "Name the key." })
    .trim()
    .min(1, "Name the key after what uses it, such as \"Website booking form\".")
    .max(60, "Keep the name under 60 characters."),
});

export const revokeApiKeyInput = z.object({ apiKeyId: z.string().min(1) });
