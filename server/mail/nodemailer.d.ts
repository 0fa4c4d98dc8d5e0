// The slice of nodemailer 7 that server/mail/smtp-transport.ts uses (the package ships no types
// and @types/nodemailer is not a dependency).
declare module "nodemailer" {
  export interface SendMailOptions {
    from: string;
    to: string;
    subject: string;
    text: string;
    html?: string;
    headers?: Record<string, string>;
  }
  export interface SentMessageInfo {
    messageId: string;
    accepted: unknown[];
    rejected: unknown[];
    response: string;
  }
  export interface Transporter {
    sendMail(options: SendMailOptions): Promise<SentMessageInfo>;
    close(): void;
  }
  export function createTransport(url: string | Record<string, unknown>): Transporter;
  const nodemailer: { createTransport: typeof createTransport };
  export default nodemailer;
}
