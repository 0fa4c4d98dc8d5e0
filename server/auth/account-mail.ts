// The words of account mail. Plain text first (the local outbox shows it); simple HTML for SMTP.
import type { OutgoingMail } from "../mail/mailer";

const PRODUCT = "AppointmentScheduler";

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

function html(paragraphs: string[], link: { href: string; label: string }): string {
  const body = paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n");
  return `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5;color:#0f172a">
${body}
<p><a href="${escapeHtml(link.href)}" style="display:inline-block;background:#0d9488;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">${escapeHtml(link.label)}</a></p>
<p style="color:#64748b;font-size:13px">Or paste this address into your browser: ${escapeHtml(link.href)}</p>
</body></html>`;
}

export function verifyEmailMail({ to, name, link }: { to: string; name: string | null; link: string }): OutgoingMail {
  const lines = [
    `Hi ${name ?? "there"},`,
    `Please confirm that ${to} is your email address, so we can send you booking alerts and let you reset your password.`,
    "The link works once and expires in 24 hours.",
  ];
  return {
    to,
    kind: "verify_email",
    subject: `Confirm your email for ${PRODUCT}`,
    text: [...lines, "", `Confirm your email: ${link}`, "", "If you didn't create an account, you can ignore this message."].join("\n"),
    html: html([...lines, "If you didn't create an account, you can ignore this message."], { href: link, label: "Confirm your email" }),
  };
}

export function passwordResetMail({ to, link }: { to: string; link: string }): OutgoingMail {
  const lines = [
    `Someone (hopefully you) asked to reset the password of the ${PRODUCT} account for ${to}.`,
    "The link works once and expires in 1 hour. Choosing a new password signs you out on your other devices.",
  ];
  return {
    to,
    kind: "password_reset",
    subject: `Reset your ${PRODUCT} password`,
    text: [...lines, "", `Choose a new password: ${link}`, "", "If it wasn't you, ignore this message: your password stays as it is."].join("\n"),
    html: html([...lines, "If it wasn't you, ignore this message: your password stays as it is."], { href: link, label: "Choose a new password" }),
  };
}

/** Sent instead of a second account when someone signs up with an address that has one. */
export function signUpAttemptMail({ to, signInLink, resetLink }: { to: string; signInLink: string; resetLink: string }): OutgoingMail {
  const lines = [
    `Someone tried to create a new ${PRODUCT} account with ${to}, but this address already has one.`,
    "If it was you, sign in instead, or reset your password if you've forgotten it.",
    "If it wasn't you, you can ignore this message: nothing has changed.",
  ];
  return {
    to,
    kind: "signup_existing",
    subject: `You already have an account with ${PRODUCT}`,
    text: [...lines, "", `Sign in: ${signInLink}`, `Reset your password: ${resetLink}`].join("\n"),
    html: html([...lines, `Forgot your password? Reset it here: ${resetLink}`], { href: signInLink, label: "Sign in" }),
  };
}
