// The availability benchmarks' shared scenario, whatever serves the API (the in-process node:http
// adapter or `next start`): the demo salon's Men's haircut over a 7-day window, with every fourth
// slot booked first so the slot engine has appointments to work around; then the same window for
// every request (the cached path), and a window of its own for every request (the uncached path).
import type http from "node:http";
import { send } from "./http-client";

const DAY_MS = 86_400_000;

export interface AvailabilityScenario {
  /** The same 7-day window every time. */
  url: string;
  /** A 7-day window shifted by one more minute at each call, so no two requests share an answer. */
  uncachedUrl(): string;
  bookedBeforehand: number;
}

export async function prepareAvailabilityScenario(
  agent: http.Agent,
  { origin, serviceId, apiKey }: { origin: string; serviceId: string; apiKey: string },
): Promise<AvailabilityScenario> {
  const base = `${origin}/api/v1/businesses/bloom-hair-studio`;
  const from = new Date();
  const windowUrl = (start: Date) =>
    `${base}/availability?${new URLSearchParams({ service: serviceId, from: start.toISOString(), to: new Date(start.getTime() + 7 * DAY_MS).toISOString() })}`;
  const url = windowUrl(from);

  const initial = await send(agent, url);
  if (initial.status !== 200) throw new Error(`availability answered ${initial.status}: ${initial.body.slice(0, 300)}`);
  const toBook = (JSON.parse(initial.body) as { slots: { slotId: string }[] }).slots.filter((_, i) => i % 4 === 0);
  for (const [i, slot] of toBook.entries()) {
    const reply = await send(agent, `${base}/bookings`, {
      method: "POST",
      headers: { authorization: `Bearer ${apiKey}` },
      body: { serviceId, slotId: slot.slotId, customer: { phone: `+1555400${String(i).padStart(4, "0")}` } },
    });
    if (reply.status !== 201) throw new Error(`booking answered ${reply.status}: ${reply.body.slice(0, 300)}`);
  }
  let shift = 0;
  return {
    url,
    uncachedUrl: () => windowUrl(new Date(from.getTime() + ++shift * 60_000)),
    bookedBeforehand: toBook.length,
  };
}
