// Settings → Integrations: which provider each part of the app runs on (process configuration,
// the same as the dashboard's Connections panel), and what this business has connected.
import { providerModes, providerPartLabels, type ProviderPart } from "@/server/config-schema";
import { env } from "@/server/env";
import { Card } from "../_components/fields";
import { SettingsPage } from "../_components/settings-page";
import { currentBusiness, type BusinessSearchParams } from "../../current-business";

export const dynamic = "force-dynamic";

const HOW_TO: Partial<Record<ProviderPart, string>> = {
  speechToText: "Set OPENAI_API_KEY to understand speech.",
  languageModel: "Set OPENAI_API_KEY for the LLM receptionist.",
  textToSpeech: "Set ELEVENLABS_API_KEY for natural voices.",
  telephony: "Set TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN to take real calls.",
  sms: "Set the Twilio variables to send text messages.",
  email: "Set SMTP_URL to send email.",
  calendar: "Set GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET to sync Google Calendar.",
  database: "Set DATABASE_URL to use PostgreSQL.",
};

export default async function IntegrationsPage({ searchParams }: { searchParams: BusinessSearchParams }) {
  const { api, businessId, canEdit } = await currentBusiness(searchParams);
  const status = await api.settings.integrations({ businessId });
  const modes = providerModes(env());
  const google = modes.calendar.live;
  return (
    <SettingsPage title="Integrations" description="What the receptionist runs on, and what your business has connected." canEdit>
      <Card title="Services in use" description="Set by whoever runs this installation, in its environment variables.">
        <ul className="divide-y divide-slate-100">
          {(Object.keys(modes) as ProviderPart[]).map((part) => (
            <li key={part} className="flex flex-col gap-0.5 py-2 text-sm sm:flex-row sm:items-start sm:justify-between sm:gap-4">
              <span className="flex items-center gap-2 font-medium">
                <span className={`inline-block h-2 w-2 shrink-0 rounded-full ${modes[part].live ? "bg-emerald-500" : "bg-amber-400"}`} aria-hidden />
                {providerPartLabels[part]}
              </span>
              <span className="text-slate-600 sm:text-right">
                {modes[part].mode}
                {!modes[part].live && HOW_TO[part] && <span className="block text-xs text-slate-400">{HOW_TO[part]}</span>}
              </span>
            </li>
          ))}
        </ul>
      </Card>
      <Card title="Google Calendar" description="Busy times from staff calendars block bookings; new appointments appear in them.">
        <div className="space-y-3 text-sm">
          <p className="flex items-center gap-2">
            <span className={`rounded px-2 py-0.5 text-xs font-medium ${google ? "bg-emerald-50 text-emerald-800" : "bg-slate-100 text-slate-600"}`}>{google ? "Available" : "Not configured"}</span>
            <span className="text-slate-600">
              {google ? "Google sign-in is configured for this installation; calendar connection arrives with calendar sync." : "This installation has no Google credentials, so calendars cannot be connected yet."}
            </span>
          </p>
          {status.calendars.length === 0 ? (
            <p className="text-slate-500">No calendars connected.</p>
          ) : (
            <ul className="divide-y divide-slate-100">
              {status.calendars.map((c) => (
                <li key={c.id} className="flex justify-between gap-3 py-2">
                  <span>
                    {c.accountEmail ?? c.provider} {c.staffName && <span className="text-slate-500">· {c.staffName}</span>}
                  </span>
                  <span className="text-slate-600">{c.status}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      </Card>
      <Card title="Phone and API">
        <dl className="grid gap-2 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-slate-500">Numbers callers dial</dt>
            <dd>{status.phoneNumbers.length ? status.phoneNumbers.map((p) => p.e164).join(", ") : "none yet"}</dd>
          </div>
          <div>
            <dt className="text-slate-500">Active API keys</dt>
            <dd>
              {status.activeApiKeys}
              {!canEdit && <span className="text-slate-400"> (managed by owners and admins)</span>}
            </dd>
          </div>
        </dl>
      </Card>
    </SettingsPage>
  );
}
