// A failed request in the words the dialogs show. Domain errors already carry product wording
// (the server's messages); only transport and unexpected failures need words of their own.
import { TRPCClientError } from "@trpc/client";

const fieldLabels: Record<string, string> = {
  "customer.phone": "Phone",
  "customer.name": "Name",
  "customer.email": "Email",
  notes: "Notes",
  reason: "Reason",
  startsAt: "Time",
  date: "Date",
};

interface ErrorData {
  code?: string;
  appCode?: string;
  zodIssues?: { path: (string | number)[]; message: string }[];
}

export function problemText(error: unknown): string {
  if (!(error instanceof TRPCClientError)) return "Something went wrong. Try again.";
  const data = error.data as ErrorData | undefined | null;
  if (!data) return "Could not reach the server. Check your connection and try again.";
  if (data.zodIssues?.length) {
    return data.zodIssues
      .map((issue) => {
        const label = fieldLabels[issue.path.join(".")];
        return label ? `${label}: ${issue.message}` : issue.message;
      })
      .join(" ");
  }
  switch (data.code) {
    case "UNAUTHORIZED":
      return "Your session has ended. Sign in again to continue.";
    case "NOT_FOUND":
      return `${error.message} It may have been removed; reload the page.`;
    case "INTERNAL_SERVER_ERROR":
      return "Something went wrong on our side and nothing was changed. Try again.";
    default:
      return error.message;
  }
}
