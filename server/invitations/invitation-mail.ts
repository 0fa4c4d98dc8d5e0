// The invitation email.
import type { OutgoingMail } from "../mail/mailer";

export function invitationMail({
  to,
  businessName,
  inviterName,
  role,
  link,
}: {
  to: string;
  businessName: string;
  inviterName: string | null;
  role: "admin" | "staff";
  link: string;
}): OutgoingMail {
  const who = inviterName ?? "A team member";
  const what = role === "admin" ? "an admin (you can change settings and invite others)" : "a staff member (you can see the schedule)";
  const lines = [
    `${who} invited you to join ${businessName} on AppointmentScheduler as ${what}.`,
    `Open the link to accept. If you don't have an account yet, create one with this address (${to}).`,
    "The link works once and expires in 7 days.",
  ];
  return {
    to,
    kind: "invitation",
    subject: `Join ${businessName} on AppointmentScheduler`,
    text: [...lines, "", `Accept the invitation: ${link}`].join("\n"),
    html: `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5">${lines
      .map((l) => `<p>${escapeHtml(l)}</p>`)
      .join("")}<p><a href="${escapeHtml(link)}">Accept the invitation</a></p></body></html>`,
  };
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}
