// The services page's data as the server hands it over.
export interface ServiceRow {
  id: string;
  name: string;
  description: string | null;
  synonyms: string[];
  durationMinutes: number;
  priceCents: number;
  currency: string;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  minNoticeMinutes: number;
  bookingHorizonDays: number;
  slotIntervalMinutes: number | null;
  maxPerDay: number | null;
  active: boolean;
  staffIds: string[];
}

export interface StaffOption {
  id: string;
  name: string;
  active: boolean;
}

export function durationText(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return [h ? `${h} h` : "", m ? `${m} min` : ""].filter(Boolean).join(" ") || "0 min";
}

export function priceText(cents: number, currency: string): string {
  if (cents === 0) return "Free";
  return new Intl.NumberFormat("en-US", { style: "currency", currency }).format(cents / 100);
}
