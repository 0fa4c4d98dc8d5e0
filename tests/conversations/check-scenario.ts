// Judges a finished scenario: the expected final database state, and the invariants every
// conversation must keep whatever the engine: no booking, move, cancellation or waitlist place is
// claimed without its row (and none happens unclaimed), every change was read back and agreed to
// first, only slot ids the availability tool gave out are used, and the caller's language is kept.
import type { AppointmentLine, TurnLine } from "../../server/agent/cli/run-conversation";
import { localOf, type World } from "./run-scenario";
import type { Scenario } from "./scenario";

export const CLAIMS = {
  booked: /\b(?:booked|confirmed|reservad[ao]|confirmad[ao])\b/i,
  moved: /\b(?:moved|rescheduled|cambiad[ao]|movid[ao])\b/i,
  cancelled: /\b(?:cancell?ed|cancelad[ao]|anulad[ao])\b/i,
  waitlisted: /\b(?:you're on the wait ?list|you are on the wait ?list|est(?:á|a) en la lista de espera)\b/i,
};

const WEEKDAYS = {
  en: ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"],
  es: ["domingo", "lunes", "martes", "miércoles", "jueves", "viernes", "sábado"],
};

export async function checkScenario(
  world: World,
  scenario: Scenario,
  { lines, appointments, existingIds }: { lines: TurnLine[]; appointments: AppointmentLine[]; existingIds: string[] },
): Promise<string[]> {
  const reasons: string[] = [];
  const expect = scenario.expect;
  const replies = lines.map((l) => l.agent);
  const calls = lines.flatMap((l, turn) => l.tools.map((t) => ({ ...t, turn })));

  // The final state.
  const remaining = [...appointments];
  for (const wanted of expect.appointments) {
    const index = remaining.findIndex(
      (a) => (!wanted.status || a.status === wanted.status) && (!wanted.service || a.service === wanted.service) &&
        (!wanted.staff || a.staff === wanted.staff) && (!wanted.start || a.start === wanted.start),
    );
    if (index < 0) reasons.push(`no appointment like ${JSON.stringify(wanted)}`);
    else remaining.splice(index, 1);
  }
  if (appointments.length !== expect.appointments.length) {
    reasons.push(`expected ${expect.appointments.length} appointment(s), found ${appointments.length}: ${appointments.map((a) => `${a.status} ${a.service} ${a.start} ${a.staff}`).join("; ")}`);
  }
  const entries = await world.db.waitlistEntry.findMany({
    where: { businessId: world.businessId, customer: { phone: scenario.caller.phone } },
    select: { earliest: true, status: true, service: { select: { name: true } } },
  });
  const waitlist = entries.map((e) => ({ service: e.service.name, date: localOf(world, e.earliest).slice(0, 10) }));
  for (const wanted of expect.waitlist) {
    if (!waitlist.some((w) => w.service === wanted.service && w.date === wanted.date)) reasons.push(`not on the waitlist for ${wanted.service} on ${wanted.date}`);
  }
  if (waitlist.length !== expect.waitlist.length) reasons.push(`expected ${expect.waitlist.length} waitlist entries, found ${JSON.stringify(waitlist)}`);

  if (expect.customerName !== undefined) {
    const customer = await world.db.customer.findUnique({
      where: { businessId_phone: { businessId: world.businessId, phone: scenario.caller.phone } },
      select: { name: true },
    });
    if (customer?.name !== expect.customerName) reasons.push(`customer name is ${JSON.stringify(customer?.name)}, expected ${expect.customerName}`);
  }

  // Claims match rows, both ways.
  const created = appointments.filter((a) => !existingIds.includes(a.id));
  const movedFrom = new Set(created.map((a) => a.rescheduledFromId).filter(Boolean));
  const happened = {
    booked: created.some((a) => !a.rescheduledFromId),
    moved: created.some((a) => a.rescheduledFromId),
    cancelled: appointments.some((a) => a.status === "cancelled" && !movedFrom.has(a.id)),
    waitlisted: waitlist.length > 0,
  };
  for (const [kind, pattern] of Object.entries(CLAIMS) as Array<[keyof typeof CLAIMS, RegExp]>) {
    const claimed = replies.some((r) => pattern.test(r));
    if (claimed && !happened[kind]) reasons.push(`claimed ${kind} without its row: "${replies.find((r) => pattern.test(r))}"`);
    if (!claimed && happened[kind]) reasons.push(`${kind} without telling the caller`);
  }

  // Read back before every change; the change follows a yes.
  for (const call of calls.filter((c) => c.ok && ["book_appointment", "reschedule_appointment", "cancel_appointment"].includes(c.name))) {
    const before = lines[call.turn - 1]?.agent ?? "";
    const a = (call.result as { appointment?: { date: string; service: { name: string } }; previous?: { service: { name: string } } }).appointment;
    const weekday = a ? WEEKDAYS[scenario.language][new Date(`${a.date}T12:00:00Z`).getUTCDay()]! : "";
    const service = a?.service.name.toLowerCase() ?? "";
    const readBack = before.toLowerCase();
    const dayOk = call.name === "cancel_appointment" ? readBack.includes(weekday) : readBack.includes(weekday) && readBack.includes(String(Number(a!.date.slice(8))));
    if (!dayOk || !readBack.includes(service.split(" ")[0]!) || !before.trim().endsWith("?")) {
      reasons.push(`${call.name} in turn ${call.turn} without a read-back of ${weekday} ${a?.date} ${service} just before: "${before}"`);
    }
  }
  for (const call of calls) {
    if (!call.ok && (call.result as { error?: string }).error === "UNKNOWN_SLOT") reasons.push(`${call.name} with a slot id the tool never gave out`);
  }

  // Expectations on tools, endings and words.
  const names = new Set(calls.map((c) => c.name));
  for (const tool of expect.toolsCalled) if (!names.has(tool)) reasons.push(`${tool} was never called`);
  for (const tool of expect.toolsNotCalled) if (names.has(tool)) reasons.push(`${tool} was called`);
  const ended = lines.some((l) => l.end);
  if (expect.end !== undefined && ended !== expect.end) reasons.push(expect.end ? "the agent did not end the conversation" : "the agent ended the conversation");
  const transferred = lines.some((l) => l.transfer);
  if (expect.transfer !== undefined && transferred !== expect.transfer) reasons.push(expect.transfer ? "no transfer" : "unexpected transfer");
  if (expect.message !== undefined) {
    const stored = await world.db.auditLog.count({
      where: { businessId: world.businessId, action: "message.take", after: { path: ["callbackPhone"], equals: scenario.caller.phone } },
    });
    const told = lines.some((l) => l.message);
    if (expect.message && (stored === 0 || !told)) reasons.push(`message not taken (stored ${stored}, on a turn: ${told})`);
    if (!expect.message && stored > 0) reasons.push("a message was taken");
  }
  for (const pattern of expect.repliesMatch) {
    if (!replies.some((r) => new RegExp(pattern, "i").test(r))) reasons.push(`no reply matches /${pattern}/`);
  }
  for (const pattern of expect.repliesNeverMatch) {
    const hit = replies.find((r) => new RegExp(pattern, "i").test(r));
    if (hit) reasons.push(`a reply matches /${pattern}/: "${hit}"`);
  }
  lines.forEach((l, i) => {
    if (l.caller !== null && i > 0 && l.language !== scenario.language) reasons.push(`turn ${i} answered in ${l.language}: "${l.agent}"`);
  });
  return reasons;
}
