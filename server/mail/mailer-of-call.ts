// The mailer and link base for one tRPC call. Until the shared tRPC Context carries them (see the
// accounts report), procedures take them from the context when a caller supplied them (tests,
// scripts: `createCaller({ ...ctx, mailer, baseUrl })`) and otherwise from the web configuration.
import { appBaseUrl, appMailer } from "./app-mailer";
import type { Mailer } from "./mailer";

export async function mailerOf(ctx: object): Promise<Mailer> {
  return (ctx as { mailer?: Mailer }).mailer ?? appMailer();
}

export function baseUrlOf(ctx: object): string {
  return (ctx as { baseUrl?: string }).baseUrl ?? appBaseUrl();
}
