// The owner's appointments page: book a haircut through the dialog, find it in the day and week
// views, move it, cancel it; and a time taken meanwhile offers the nearest free ones. Dates are
// picked relative to today in the salon's zone (America/New_York, open Tuesday to Saturday).
import { expect, test, type Page } from "@playwright/test";
import { openDayAfter, signInAsDemoOwner } from "./demo-salon";

const SHOTS = "test-results/screenshots";

test.use({ viewport: { width: 1280, height: 900 } });

/** "Tuesday, December 1, 2026", as the page names a day. */
function longDate(date: string): string {
  return new Intl.DateTimeFormat("en-US", { timeZone: "UTC", weekday: "long", month: "long", day: "numeric", year: "numeric" }).format(
    new Date(`${date}T12:00:00Z`),
  );
}

/** Picks a free time in the open dialog: the first, or the last; returns its label ("9:00 AM"). */
async function pickSlot(page: Page, which: "first" | "last"): Promise<string> {
  const slots = page.getByRole("dialog").locator("label:has(input[name=slot])");
  await expect(slots.first()).toBeVisible();
  const slot = which === "first" ? slots.first() : slots.last();
  const label = (await slot.innerText()).trim();
  await slot.click();
  await expect(slot.getByRole("radio")).toBeChecked();
  return label;
}

test("the owner books, finds, reschedules and cancels an appointment from the dashboard", async ({ page }) => {
  const day = openDayAfter();
  const pageErrors: string[] = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));
  page.on("console", (message) => {
    // The app has no favicon yet; that 404 is not this page's concern.
    if (message.type() === "error" && !message.location().url.endsWith("/favicon.ico")) pageErrors.push(`${message.text()} (${message.location().url})`);
  });
  await signInAsDemoOwner(page);

  await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Appointments" }).click();
  await expect(page).toHaveURL(/\/dashboard\/appointments$/);
  await expect(page.getByRole("heading", { name: "Appointments" })).toBeVisible();
  await expect(page.getByText(/times in America\/New York/)).toBeVisible();

  // Esc closes the dialog and focus goes back to the button that opened it.
  const newButton = page.getByRole("button", { name: "New appointment" });
  await newButton.click();
  const dialog = page.getByRole("dialog", { name: "New appointment" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel("Service")).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(newButton).toBeFocused();

  await newButton.click();
  await dialog.getByLabel("Service").selectOption({ label: "Men's haircut" });
  await expect(dialog.getByLabel("With")).toHaveValue(""); // anyone available
  await dialog.getByLabel("Date").fill(day);
  const bookedTime = await pickSlot(page, "first");
  await dialog.getByLabel("Phone").fill("+1 555 010 2030");
  await dialog.getByLabel("Name").fill("Jordan Tester");
  await dialog.getByLabel("Email").fill("jordan@example.com");
  await dialog.getByLabel("Notes").fill("Prefers a short back and sides");
  await page.screenshot({ path: `${SHOTS}/appointments-new-dialog.png` });
  await dialog.getByRole("button", { name: "Book", exact: true }).click();

  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status")).toContainText(`Booked men's haircut for Jordan Tester on`);
  await expect(page.getByRole("status")).toContainText(bookedTime);
  await expect(page).toHaveURL(new RegExp(`date=${day}`));
  await expect(page.getByText(`${longDate(day)} · times in America/New York`)).toBeVisible();
  const card = page.getByRole("button", { name: /Men's haircut/ });
  await expect(card).toHaveCount(1);
  await expect(card).toContainText(bookedTime);
  await expect(card).toContainText("Jordan Tester");
  await page.screenshot({ path: `${SHOTS}/appointments-day.png`, fullPage: true });

  await page.getByRole("link", { name: "Week" }).click();
  await expect(page).toHaveURL(/view=week/);
  const weekDay = page.getByRole("region", { name: longDate(day) });
  await expect(weekDay.getByRole("button", { name: /Men's haircut/ })).toContainText("Jordan Tester");
  await expect(weekDay.getByRole("button", { name: /Men's haircut/ })).toContainText(bookedTime);
  await page.screenshot({ path: `${SHOTS}/appointments-week.png`, fullPage: true });

  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SHOTS}/appointments-phone-week.png`, fullPage: true });
  await weekDay.getByRole("link", { name: /open the day/ }).click();
  await expect(page).not.toHaveURL(/view=week/);
  await expect(card).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/appointments-phone-day.png`, fullPage: true });
  await newButton.click();
  await dialog.getByLabel("Service").selectOption({ label: "Women's haircut" });
  await dialog.getByLabel("Date").fill(day);
  await expect(dialog.getByRole("radio").first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/appointments-phone-new-dialog.png` });
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(dialog).toBeHidden();
  await page.setViewportSize({ width: 1280, height: 900 });

  // Reschedule to the day's last free time with the same person.
  await card.click();
  const details = page.getByRole("dialog", { name: "Men's haircut" });
  await expect(details).toContainText("Jordan Tester");
  await expect(details).toContainText("+15550102030");
  await expect(details).toContainText("Prefers a short back and sides");
  await page.screenshot({ path: `${SHOTS}/appointments-details-dialog.png` });
  await details.getByRole("button", { name: "Reschedule" }).click();
  const reschedule = page.getByRole("dialog", { name: "Reschedule appointment" });
  await expect(reschedule.getByLabel("Date")).toHaveValue(day);
  const newTime = await pickSlot(page, "last");
  expect(newTime).not.toBe(bookedTime);
  await page.screenshot({ path: `${SHOTS}/appointments-reschedule-dialog.png` });
  await reschedule.getByRole("button", { name: "Move appointment" }).click();
  await expect(reschedule).toBeHidden();
  await expect(page.getByRole("status")).toContainText(`Moved Jordan Tester's men's haircut to`);
  await expect(card).toHaveCount(1);
  await expect(card).toContainText(newTime);

  // Cancel it, with a reason.
  await card.click();
  await details.getByRole("button", { name: "Cancel appointment" }).click();
  const cancel = page.getByRole("dialog", { name: "Cancel appointment" });
  await cancel.getByLabel(/Reason/).fill("Customer called to cancel");
  await cancel.getByRole("button", { name: "Cancel appointment" }).click();
  await expect(cancel).toBeHidden();
  await expect(page.getByRole("status")).toContainText("Cancelled Jordan Tester's men's haircut");
  await expect(card).toHaveCount(0);
  await expect(page.getByText(`No appointments on ${longDate(day)}`)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Appointments" })).toBeFocused();
  expect(pageErrors, "no script errors or hydration mismatches").toEqual([]);
});

test("a time taken while the dialog was open is answered with the nearest free times", async ({ page }) => {
  const day = openDayAfter(7, [2, 3, 4, 5]); // a week after the first test's day, when Maya works
  await signInAsDemoOwner(page);
  await page.goto(`/dashboard/appointments?date=${day}`);

  await page.getByRole("button", { name: "New appointment" }).click();
  const dialog = page.getByRole("dialog", { name: "New appointment" });
  await dialog.getByLabel("Service").selectOption({ label: "Color" }); // only Maya does colour
  await expect(dialog.getByLabel("Date")).toHaveValue(day);
  const wanted = await pickSlot(page, "first");
  await dialog.getByLabel("Phone").fill("+15550102031");

  // Someone else books that very time (through the same API) before the owner clicks Book.
  const mine = await page.request.get("/api/trpc/business.mine");
  const businessId = ((await mine.json()) as { result: { data: { json: { business: { id: string } }[] } } }).result.data.json[0]!.business.id;
  const options = await page.request.get(`/api/trpc/appointments.options?input=${encodeURIComponent(JSON.stringify({ json: { businessId } }))}`);
  const color = ((await options.json()) as { result: { data: { json: { services: { id: string; name: string }[] } } } }).result.data.json.services.find(
    (s) => s.name === "Color",
  )!;
  const slots = await page.request.get(
    `/api/trpc/appointments.availability?input=${encodeURIComponent(JSON.stringify({ json: { businessId, serviceId: color.id, staffId: null, date: day } }))}`,
  );
  const { slots: free } = ((await slots.json()) as { result: { data: { json: { slots: { slotId: string }[] } } } }).result.data.json;
  const slotId = free[0]!.slotId;
  const taken = await page.request.post("/api/trpc/appointments.book", {
    data: { json: { businessId, serviceId: color.id, slotId, staffId: null, customer: { phone: "+15550102099", name: "Quick Caller" } } },
  });
  expect(taken.ok()).toBe(true);

  await dialog.getByRole("button", { name: "Book", exact: true }).click();
  const alert = dialog.getByRole("alert");
  await expect(alert).toContainText("That time was just taken.");
  const alternatives = alert.getByRole("button", { name: /^Book / });
  await expect(alternatives.first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/appointments-slot-taken.png` });
  const alternative = (await alternatives.first().innerText()).replace(/^Book /, "");
  expect(alternative).not.toMatch(new RegExp(`, ${wanted}$`)); // the nearest other time, not the taken one

  await alternatives.first().click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status")).toContainText(`Booked color for +15550102031 on ${alternative}`);
});
