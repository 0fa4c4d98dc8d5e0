// The test console: the demo owner calls the receptionist as a new customer, books a women's
// haircut by chatting, sees the tool calls and the appointment appear, hears a reply (espeak-ng,
// the phone's local voice), finds the conversation again after a reload, and finds the booking on
// the appointments page. The day is the next one after today (salon time) when the salon is open
// at 10, so the run never depends on the date it happens on.
import { expect, test, type Page } from "@playwright/test";
import { openDayAfter, signInAsDemoOwner } from "./demo-salon";

const SHOTS = "test-results/screenshots";
const CALLER = { typed: "+1 555 010 4242", e164: "+15550104242", name: "Dana Tester" };

test.use({ viewport: { width: 1280, height: 900 } });


/** "Wednesday, December 2", as a caller says it and the agent reads it back. */
function spokenDay(date: string): string {
  return new Intl.DateTimeFormat("en-US", { timeZone: "UTC", weekday: "long", month: "long", day: "numeric" }).format(new Date(`${date}T12:00:00Z`));
}

async function say(page: Page, text: string) {
  const input = page.getByLabel("What the caller says");
  await input.fill(text);
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page.getByRole("list", { name: "Conversation" }).getByText(text, { exact: true })).toBeVisible();
  await expect(page.getByText("The receptionist is answering…")).toBeHidden({ timeout: 20_000 });
}

/** The receptionist's last reply bubble. */
const lastReply = (page: Page) => page.locator("[data-turn-id]").last();

test("the owner books an appointment by chatting with the receptionist in the test console", async ({ page }) => {
  const day = openDayAfter(); // the salon is open at 10 AM on every day it opens
  const pageErrors: string[] = [];
  page.on("pageerror", (error) => pageErrors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error" && !message.location().url.endsWith("/favicon.ico")) pageErrors.push(`${message.text()} (${message.location().url})`);
  });
  await signInAsDemoOwner(page);

  await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Test console" }).click();
  await expect(page).toHaveURL(/\/dashboard\/console$/);
  await expect(page.getByRole("heading", { name: "Test console" })).toBeVisible();
  await expect(page.getByRole("note")).toContainText("Bookings made here are real.");
  await expect(page.getByTestId("engine-mode")).toHaveText("built-in agent");
  await expect(page.getByText("espeak-ng (local, voice en-us)")).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/console-start.png`, fullPage: true });

  // A number that is not in international format is refused before anything is sent.
  const number = page.getByLabel("Caller's number");
  await number.fill("555-1234");
  await page.getByRole("button", { name: "Start conversation" }).click();
  await expect(page.getByText("Enter the number in international format")).toBeVisible();
  await expect(number).toHaveAttribute("aria-invalid", "true");

  await number.fill(CALLER.typed);
  await page.getByLabel("The caller speaks").selectOption({ label: "English" });
  await page.getByRole("button", { name: "Start conversation" }).click();
  await expect(page.getByTestId("caller-phone")).toHaveText(CALLER.e164);
  await expect(lastReply(page)).toContainText("Thanks for calling Bloom Hair Studio");
  await expect(page.getByText("None yet. Ask the receptionist to book one")).toBeVisible();

  // The greeting, spoken by the server with the phone's voice.
  const speech = page.waitForResponse((r) => r.url().includes("/api/console/speech"));
  await lastReply(page).getByRole("button", { name: "Play the reply" }).click();
  const spoken = await speech;
  expect(spoken.status()).toBe(200);
  expect(spoken.headers()["content-type"]).toBe("audio/wav");
  expect((await spoken.body()).subarray(0, 4).toString("ascii")).toBe("RIFF");
  // Only replies the conversation really gave are spoken; anything else is a 404 in words.
  const missing = new URL(spoken.url());
  missing.searchParams.set("turnId", "t99");
  const refused = await page.request.get(missing.pathname + missing.search);
  expect(refused.status()).toBe(404);
  expect(await refused.json()).toEqual({ error: "No such reply in this conversation." });

  await say(page, `I'd like a women's haircut on ${spokenDay(day)} at 10`);
  await expect(lastReply(page)).toContainText("Can I have your name");
  const checked = lastReply(page).getByTestId("tool-calls");
  await expect(checked).toContainText("1 tool call");
  await expect(checked).toContainText("check_availability");

  await say(page, CALLER.name);
  await expect(lastReply(page)).toContainText(`a women's haircut`);
  await expect(lastReply(page)).toContainText(`${spokenDay(day)} at 10 AM. Shall I book it?`);

  await say(page, "yes");
  await expect(lastReply(page)).toContainText(`You're booked: a women's haircut`);
  const booked = lastReply(page).getByTestId("tool-calls");
  await expect(booked).toContainText("book_appointment");
  await booked.locator("summary").click();
  await expect(booked.getByText("Result")).toBeVisible();
  await expect(booked.locator("pre").last()).toContainText(`"status": "booked"`);
  await expect(booked.locator("pre").first()).toContainText(`"customerName": "${CALLER.name}"`);
  await booked.screenshot({ path: `${SHOTS}/console-tool-calls.png` });

  const appointments = page.getByRole("region", { name: "This caller's appointments" });
  await expect(appointments.getByRole("listitem")).toHaveCount(1);
  await expect(appointments).toContainText("Women's haircut");
  await expect(appointments).toContainText("Booked");
  await expect(appointments).toContainText("10:00 AM – 11:00 AM");
  await expect(appointments).toContainText("booked in the console");
  await expect(page.getByText(`(${CALLER.name})`)).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/console-booked.png`, fullPage: true });

  // A reload carries on with the same conversation, tool calls included.
  await page.reload();
  await expect(page.getByTestId("caller-phone")).toHaveText(CALLER.e164);
  await expect(page.locator("[data-turn-id]")).toHaveCount(4);
  await expect(lastReply(page).getByTestId("tool-calls")).toContainText("book_appointment");
  await expect(appointments.getByRole("listitem")).toHaveCount(1);

  // The booking is on the business's calendar.
  await appointments.getByRole("link", { name: "Open day" }).click();
  await expect(page).toHaveURL(new RegExp(`/dashboard/appointments\\?date=${day}$`));
  const card = page.getByRole("button", { name: /Women's haircut/ });
  await expect(card).toHaveCount(1);
  await expect(card).toContainText(CALLER.name);
  await expect(card).toContainText("10:00 AM");

  // A new conversation as the same caller: the receptionist knows them and their booking.
  await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Test console" }).click();
  await page.getByRole("button", { name: "New conversation" }).click();
  await expect(page.getByRole("button", { name: `${CALLER.name} · ${CALLER.e164}` })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/console-known-caller.png`, fullPage: true });
  await page.getByRole("button", { name: "Start conversation" }).click();
  await expect(page.getByTestId("caller-phone")).toHaveText(CALLER.e164);
  await expect(page.getByRole("region", { name: "This caller's appointments" })).toContainText("Women's haircut");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SHOTS}/console-phone.png`, fullPage: true });
  expect(pageErrors, "no script errors or hydration mismatches").toEqual([]);
});
