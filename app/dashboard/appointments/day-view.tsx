"use client";
// One day as columns per staff member, each appointment placed at its time on the business's
// clock. Scrolls sideways when there are more people than fit (a phone shows about two).
import { clockLabel, dateLabel } from "./format";
import { cardTone, staffEdge } from "./appointment-card-style";
import { statusLabels } from "./status";
import type { AppointmentList, ListedAppointment } from "./types";

const PX_PER_MINUTE = 1.2; // 72px an hour: a 30-minute appointment fits two lines

export function DayView({ list, onOpen }: { list: AppointmentList; onOpen: (appointment: ListedAppointment, card: HTMLElement) => void }) {
  const { startMinute, endMinute } = list.window;
  const hours = Array.from({ length: (endMinute - startMinute) / 60 }, (_, i) => startMinute + i * 60);
  const height = (endMinute - startMinute) * PX_PER_MINUTE;
  const day = list.days[0]!;

  if (list.staff.length === 0) {
    return (
      <div className="rounded-lg bg-white p-6 text-center text-sm text-slate-500 shadow-sm ring-1 ring-slate-200">
        No staff yet. Add the people who take appointments in Settings, and their days will show here.
      </div>
    );
  }

  return (
    <section aria-label={`Appointments on ${dateLabel(day, "long")}`} className="overflow-hidden rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
      {list.appointments.length === 0 && (
        <p className="border-b border-slate-100 bg-slate-50 px-4 py-2 text-sm text-slate-500">
          No appointments on {dateLabel(day, "long")}{day === list.today ? " (today)" : ""}.
        </p>
      )}
      <div className="overflow-x-auto">
        <div className="grid" style={{ gridTemplateColumns: `3.25rem repeat(${list.staff.length}, minmax(9.5rem, 1fr))` }}>
          <div className="sticky left-0 z-20 border-b border-slate-200 bg-white" />
          {list.staff.map((person) => (
            <div key={person.id} className="flex items-center gap-2 border-b border-l border-slate-200 px-2 py-2 text-sm font-medium">
              <span className="h-2.5 w-2.5 shrink-0 rounded-full" style={{ backgroundColor: person.color ?? "#0d9488" }} aria-hidden />
              <span className="truncate">{person.name}</span>
            </div>
          ))}

          <div className="sticky left-0 z-20 bg-white" style={{ height }} aria-hidden>
            {hours.map((minute) => (
              <div key={minute} className="absolute right-1.5 pt-1 text-[11px] leading-none text-slate-400" style={{ top: (minute - startMinute) * PX_PER_MINUTE }}>
                {clockLabel(minute).replace(":00", "")}
              </div>
            ))}
          </div>
          {list.staff.map((person) => (
            <StaffColumn
              key={person.id}
              staffName={person.name}
              appointments={list.appointments.filter((a) => a.staff.id === person.id)}
              hours={hours}
              startMinute={startMinute}
              height={height}
              onOpen={onOpen}
            />
          ))}
        </div>
      </div>
    </section>
  );
}

function StaffColumn({
  staffName,
  appointments,
  hours,
  startMinute,
  height,
  onOpen,
}: {
  staffName: string;
  appointments: ListedAppointment[];
  hours: number[];
  startMinute: number;
  height: number;
  onOpen: (appointment: ListedAppointment, card: HTMLElement) => void;
}) {
  const lanes = assignLanes(appointments);
  return (
    <div className="relative border-l border-slate-200" style={{ height }}>
      {hours.map((minute) => (
        <div key={minute} className="absolute inset-x-0 border-t border-slate-100" style={{ top: (minute - startMinute) * PX_PER_MINUTE }} aria-hidden />
      ))}
      <ul aria-label={staffName}>
        {appointments.map((a) => {
          const { lane, of } = lanes.get(a.id)!;
          const top = (a.startMinute - startMinute) * PX_PER_MINUTE;
          const cardHeight = Math.max((a.endMinute - a.startMinute) * PX_PER_MINUTE - 2, 22);
          return (
            <li key={a.id} className="absolute px-0.5" style={{ top: top + 1, height: cardHeight, left: `${(lane / of) * 100}%`, width: `${100 / of}%` }}>
              <button
                type="button"
                onClick={(e) => onOpen(a, e.currentTarget)}
                data-appointment-id={a.id}
                className={`flex h-full w-full flex-col overflow-hidden rounded-md border-l-4 px-1.5 py-0.5 text-left text-xs leading-4 shadow-sm ring-1 focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600 ${cardTone(a.status)}`}
                style={staffEdge(a.staff.color)}
              >
                <span className="truncate">
                  <span className="font-semibold">{clockLabel(a.startMinute)}</span> {a.service.name}
                </span>
                <span className="truncate text-slate-600">{a.customer.name ?? a.customer.phone}</span>
                {a.status !== "booked" && <span className="truncate font-medium">{statusLabels[a.status]}</span>}
                <span className="sr-only">
                  {" "}
                  until {clockLabel(a.endMinute)}, with {a.staff.name}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** Side-by-side lanes for appointments that overlap (a no-show whose time was booked again). */
function assignLanes(appointments: ListedAppointment[]): Map<string, { lane: number; of: number }> {
  const result = new Map<string, { lane: number; of: number }>();
  let group: { id: string; lane: number }[] = [];
  let laneEnds: number[] = [];
  let groupEnd = -1;
  const flush = () => {
    for (const g of group) result.set(g.id, { lane: g.lane, of: laneEnds.length });
    group = [];
    laneEnds = [];
  };
  for (const a of [...appointments].sort((x, y) => x.startMinute - y.startMinute)) {
    if (a.startMinute >= groupEnd) flush();
    let lane = laneEnds.findIndex((end) => end <= a.startMinute);
    if (lane === -1) lane = laneEnds.push(0) - 1;
    laneEnds[lane] = a.endMinute;
    group.push({ id: a.id, lane });
    groupEnd = Math.max(groupEnd, a.endMinute);
  }
  flush();
  return result;
}
