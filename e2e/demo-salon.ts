// What the e2e journeys share about the demo business: its owner's login, and its calendar
// (America/New_York, open Tuesday to Saturday), so a run never depends on the date it happens on.
import { expect, type Page } from "@playwright/test";

export const DEMO = { email: "owner@demo.salon", password: "demo-salon-2026" };
export const SALON_ZONE = "America/New_York";

export async function signInAsDemoOwner(page: Page) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(DEMO.email);
  await page.getByLabel("Password").fill(DEMO.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
}

/** Today's date on the salon's calendar, "YYYY-MM-DD". */
export function salonToday(): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", { timeZone: SALON_ZONE, year: "numeric", month: "2-digit", day: "2-digit" })
      .formatToParts(new Date())
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}`;
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + days)).toISOString().slice(0, 10);
}

/**
 * The first day after today plus `skip` days that falls on one of `weekdays` (0 = Sunday): never
 * today, so none of its times has passed. The salon opens Tuesday to Saturday; Maya, the only
 * colourist, Tuesday to Friday.
 */
export function openDayAfter(skip = 0, weekdays = [2, 3, 4, 5, 6]): string {
  let date = addDays(salonToday(), 1 + skip);
  while (!weekdays.includes(new Date(`${date}T12:00:00Z`).getUTCDay())) date = addDays(date, 1);
  return date;
}
