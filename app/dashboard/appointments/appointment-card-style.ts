// How an appointment looks by status, shared by the day and week views.
import type { ListedAppointment } from "./types";

export function cardTone(status: ListedAppointment["status"]): string {
  switch (status) {
    case "held":
      return "border-dashed bg-amber-50 text-amber-950 ring-amber-300";
    case "no_show":
      return "bg-slate-100 text-slate-500 ring-slate-300";
    case "completed":
      return "bg-slate-50 text-slate-700 ring-slate-200";
    default:
      return "bg-white text-slate-900 ring-slate-200 hover:bg-brand-50";
  }
}

/** The staff member's colour as the card's left edge; teal when they have none. */
export function staffEdge(color: string | null): React.CSSProperties {
  return { borderLeftColor: color ?? "#0d9488" };
}
