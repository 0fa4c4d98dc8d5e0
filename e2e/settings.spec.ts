// A new owner's first ten minutes, as a user would do them: sign up (or, before sign-up existed,
// the demo owner), the onboarding wizard step by step, the dashboard's test-call prompt, every
// settings page, a change to the hours and to a service, sign out, sign in, and the changes are
// still there. Then a second account tries the first business by URL and by the API: 404 and
// NOT_FOUND, and nothing changed. Screenshots of each step and page go to
// test-results/screenshots (onboarding-*.png, settings-*.png; *-phone.png at 390 px wide). Last,
// a staff member of the demo salon finds the settings read-only and the API refusing changes.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";

const SHOTS = "test-results/screenshots";
const DEMO = { email: "owner@demo.salon", password: "demo-salon-2026" };
const run = Date.now().toString(36);
const owner = { name: "Maya Maple", email: `maple-${run}@example.com`, password: "maple-dental-long-password" };
const businessName = `Maple Dental ${run}`;
// A number no other run has used: 555 numbers are fictional.
const phoneDigits = `555${String(Date.now()).slice(-7)}`;
const phone = `+1 ${phoneDigits.slice(0, 3)} ${phoneDigits.slice(3, 6)} ${phoneDigits.slice(6)}`;
const e164 = `+1${phoneDigits}`;

const SETTINGS_PAGES = ["profile", "hours", "services", "staff", "booking", "agent", "faq", "notifications", "integrations", "team", "api-keys"] as const;

test.describe.configure({ mode: "serial" });
test.use({ viewport: { width: 1280, height: 900 }, timezoneId: "America/Chicago" });

/** Set by the first test: the business the second account must not reach. */
let first: { businessId: string; signedUp: boolean } | null = null;

function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    // The app has no favicon yet; and the browser logs every answer it counts as failed, which
    // includes the 409 of the duplicate service name this test provokes on purpose.
    const url = message.location().url;
    const expected = url.endsWith("/favicon.ico") || (/status of 409/.test(message.text()) && url.includes("settings.upsertService"));
    if (message.type() === "error" && !expected) errors.push(`${message.text()} (${url})`);
  });
  return errors;
}

async function signIn(page: Page, who: { email: string; password: string }) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard/);
}

/** Signs up through the UI when the sign-up page exists; answers whether it did. */
async function signUpOrUseDemo(page: Page): Promise<boolean> {
  const signup = await page.goto("/signup");
  if (signup?.status() === 404) {
    await signIn(page, DEMO);
    await page.goto("/onboarding");
    return false;
  }
  await page.getByLabel("Your name").fill(owner.name);
  await page.getByLabel("Email").fill(owner.email);
  await page.getByLabel("Password").fill(owner.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/onboarding$/);
  return true;
}

async function stepShot(page: Page, name: string) {
  await page.screenshot({ path: `${SHOTS}/onboarding-${name}.png`, fullPage: true });
}

async function next(page: Page, title: string) {
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
}

function settingsNav(page: Page) {
  return page.getByRole("navigation", { name: "Settings" });
}

test("a new owner onboards, edits hours and a service in settings, signs out and in, and the changes are there", async ({ page }) => {
  test.setTimeout(240_000);
  const errors = watchErrors(page);
  const signedUp = await signUpOrUseDemo(page);

  // Step 1: the business. Next with nothing filled in shows the errors beside the fields.
  await expect(page.getByRole("heading", { level: 1, name: "Your business" })).toBeVisible();
  await expect(page.getByText("Step 1 of 7")).toBeVisible();
  await expect(page.getByLabel("Time zone")).toHaveValue("America/Chicago");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByText("Enter the business's name (at least 2 characters).")).toBeVisible();
  await expect(page.getByLabel("Business name")).toBeFocused();
  await expect(page.getByLabel("Business name")).toHaveAttribute("aria-invalid", "true");
  await stepShot(page, "1-business-errors");
  await page.getByLabel("Business name").fill(businessName);
  await page.getByLabel("Business phone number").fill("555-0100");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByText("Enter the number in international format, for example +1 555 123 4567.")).toBeVisible();
  await page.getByLabel("Business phone number").fill(phone);
  await stepShot(page, "1-business");
  await next(page, "Opening hours");

  // Step 2: hours. Saturday mornings too; Friday closes early.
  await page.getByLabel("Open on Saturday").check();
  await page.getByLabel("Saturday closes").fill("12:00");
  await page.getByLabel("Friday closes").fill("15:00");
  await stepShot(page, "2-hours");
  await next(page, "Services");

  // Step 3: services from the dental template, edited.
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByText("Choose the kind of business closest to yours, or start from scratch.")).toBeVisible();
  await page.getByRole("radio", { name: /Dental office/ }).check();
  await expect(page.getByRole("textbox", { name: "Service" })).toHaveCount(4);
  await page.getByRole("button", { name: "Remove Teeth whitening" }).click();
  await page.getByRole("button", { name: "Add a service" }).click();
  await page.getByRole("textbox", { name: "Service" }).last().fill("Night guard fitting");
  await page.getByRole("spinbutton", { name: "Minutes" }).last().fill("40");
  await page.getByRole("textbox", { name: "Price ($)" }).last().fill("90");
  await stepShot(page, "3-services");
  await next(page, "Staff");

  // Step 4: staff; the hygienist does cleanings only.
  await page.getByRole("textbox", { name: "Person 1" }).fill("Dr. Maple");
  await page.getByRole("button", { name: "Add a person" }).click();
  await page.getByRole("textbox", { name: "Person 2" }).fill("Jo Hygienist");
  const jo = page.getByRole("listitem").filter({ has: page.getByRole("textbox", { name: "Person 2" }) });
  for (const name of ["Filling", "Emergency visit", "Night guard fitting"]) await jo.getByLabel(name).uncheck();
  await stepShot(page, "4-staff");
  await next(page, "Receptionist");

  // Step 5: the receptionist, greeting suggested with the business's name.
  await expect(page.getByLabel("Greeting")).toHaveValue(new RegExp(`Thanks for calling ${businessName}`));
  await page.getByRole("radio", { name: /Calm/ }).check();
  await page.getByLabel("Spanish (español)").check();
  await stepShot(page, "5-receptionist");
  await next(page, "Questions");

  // Step 6: the template's questions, one answer edited.
  await expect(page.getByLabel("Question 1", { exact: true })).toHaveValue("Do you accept insurance?");
  await page.getByLabel("Answer 2", { exact: true }).fill("Yes, from age three.");
  await stepShot(page, "6-faq");
  await next(page, "Review");

  // Step 7: review, then create. Back and Next keep everything typed so far.
  await expect(page.getByText("Night guard fitting (40 min, $90.00)")).toBeVisible();
  await page.getByRole("button", { name: "Back" }).click();
  await expect(page.getByLabel("Answer 2", { exact: true })).toHaveValue("Yes, from age three.");
  await next(page, "Review");
  await expect(page.getByText("Jo Hygienist: Check-up and cleaning")).toBeVisible();
  await stepShot(page, "7-review");
  await page.getByRole("button", { name: "Create my business" }).click();

  // The dashboard of the new business, with the test-call prompt.
  await expect(page).toHaveURL(/\/dashboard\?b=[^&]+&welcome=1$/);
  const businessId = new URL(page.url()).searchParams.get("b")!;
  await expect(page.getByRole("heading", { name: businessName })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Your receptionist is ready. Make a test call!" })).toBeVisible();
  await expect(page.getByTestId("call-simulator-command")).toHaveText(`npm run call -- --to ${e164} --say "Hi, can I book an appointment for tomorrow morning?"`);
  await stepShot(page, "8-dashboard");
  first = { businessId, signedUp };

  // Every settings page, from the header's Settings link and the sub-navigation.
  await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Settings" }).click();
  await expect(page).toHaveURL(new RegExp(`/dashboard/settings/profile\\?b=${businessId}$`));
  await expect(page.getByLabel("Business name")).toHaveValue(businessName);
  for (const slug of SETTINGS_PAGES) {
    if (slug !== "profile") {
      const label = { hours: "Hours & holidays", booking: "Booking policy", agent: "Receptionist", faq: "FAQ", "api-keys": "API keys" }[slug as string] ?? slug[0]!.toUpperCase() + slug.slice(1);
      await settingsNav(page).getByRole("link", { name: label }).click();
      await expect(page).toHaveURL(new RegExp(`/dashboard/settings/${slug}\\?b=${businessId}$`));
    }
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/settings-${slug}.png`, fullPage: true });
  }

  // What onboarding created is in the settings.
  await settingsNav(page).getByRole("link", { name: "Receptionist" }).click();
  await expect(page.getByRole("radio", { name: /Calm/ })).toBeChecked();
  await expect(page.getByLabel("Spanish (español)")).toBeChecked();

  // Edit the hours: closed on Monday, Tuesday until 18:30, and a holiday.
  await settingsNav(page).getByRole("link", { name: "Hours & holidays" }).click();
  await expect(page.getByLabel("Friday closes")).toHaveValue("15:00");
  await page.getByLabel("Open on Monday").uncheck();
  await page.getByLabel("Tuesday closes").fill("18:30");
  await page.getByRole("button", { name: "Save hours" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Hours saved." })).toBeVisible();
  await page.getByLabel("Date").fill("2030-12-24");
  await page.getByLabel("Note (optional)").fill("Christmas Eve");
  await page.getByRole("button", { name: "Add date" }).click();
  await expect(page.getByText("Tue, Dec 24, 2030", { exact: true })).toBeVisible();

  // Edit a service; a second one with the same name is refused beside the name field.
  await settingsNav(page).getByRole("link", { name: "Services" }).click();
  await page.getByRole("button", { name: "Edit Filling" }).click();
  const dialog = page.getByRole("dialog", { name: "Edit Filling" });
  await dialog.getByLabel("Length (minutes)").fill("50");
  await dialog.getByLabel("Price ($)").fill("210");
  await dialog.getByLabel("Buffer after (min)").fill("15");
  await dialog.getByLabel("Jo Hygienist").check();
  await page.screenshot({ path: `${SHOTS}/settings-services-dialog.png` });
  await dialog.getByRole("button", { name: "Save service" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Filling saved." })).toBeVisible();
  const filling = page.locator("[data-service='Filling']");
  await expect(filling).toContainText("50 min · $210.00");
  await expect(filling).toContainText("Dr. Maple, Jo Hygienist");

  await page.getByRole("button", { name: "Add service" }).click();
  const add = page.getByRole("dialog", { name: "Add a service" });
  await add.getByLabel("Name", { exact: true }).fill("filling");
  await add.getByRole("button", { name: "Save service" }).click();
  await expect(add.getByText("There is already a service with this name.")).toBeVisible();
  await expect(add.getByLabel("Name", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await page.screenshot({ path: `${SHOTS}/settings-services-error.png` });
  await add.getByRole("button", { name: "Cancel" }).click();

  // An API key is shown once.
  await settingsNav(page).getByRole("link", { name: "API keys" }).click();
  await page.getByLabel("Name", { exact: true }).fill("Website");
  await page.getByRole("button", { name: "Create key" }).click();
  await expect(page.getByTestId("new-api-key")).toHaveText(/^sk_/);
  await expect(page.locator("[data-api-key='Website']")).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/settings-api-keys-created.png`, fullPage: true });

  // The settings on a phone-sized screen.
  await page.setViewportSize({ width: 390, height: 844 });
  for (const slug of ["profile", "hours", "services", "staff", "agent"] as const) {
    await page.goto(`/dashboard/settings/${slug}?b=${businessId}`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${slug} scrolls sideways on a phone`).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SHOTS}/settings-${slug}-phone.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });

  // Sign out, sign in: the changes are there.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await signIn(page, signedUp ? owner : DEMO);
  await page.goto(`/dashboard/settings/hours?b=${businessId}`);
  await expect(page.getByLabel("Open on Monday")).not.toBeChecked();
  await expect(page.getByLabel("Tuesday closes")).toHaveValue("18:30");
  await expect(page.getByLabel("Saturday closes")).toHaveValue("12:00");
  await expect(page.getByText("Tue, Dec 24, 2030", { exact: true })).toBeVisible();
  await page.goto(`/dashboard/settings/services?b=${businessId}`);
  await expect(page.locator("[data-service='Filling']")).toContainText("50 min · $210.00");
  await expect(page.locator("[data-service='Night guard fitting']")).toContainText("40 min · $90.00");

  expect(errors).toEqual([]);
});

/** A tRPC call as the browser makes it (superjson body), answering the status and error code. */
async function trpc(request: APIRequestContext, path: string, input: unknown, type: "query" | "mutation") {
  const query = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  const res =
    type === "query"
      ? await request.get(`/api/trpc/${path}${query}`)
      : await request.post(`/api/trpc/${path}`, { data: { json: input } });
  const body = (await res.json()) as { result?: { data?: { json?: unknown } }; error?: { json?: { data?: { code?: string } } } };
  return { status: res.status(), code: body.error?.json?.data?.code, data: body.result?.data?.json };
}

test("a second account can neither see nor change the first business, by URL or by the API", async ({ page, browser }) => {
  expect(first, "the previous test creates the business this one attacks").toBeDefined();
  const { businessId, signedUp } = first!;
  // The second account: the demo owner (a member of another business only); or, when the first
  // business was made by the demo owner, a fresh sign-up.
  if (signedUp) {
    await signIn(page, DEMO);
  } else {
    await page.goto("/signup");
    await page.getByLabel("Your name").fill("Second Owner");
    await page.getByLabel("Email").fill(`second-${run}@example.com`);
    await page.getByLabel("Password").fill(owner.password);
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page).toHaveURL(/\/onboarding$/);
  }

  // By URL: every settings page of the first business is a 404 that names nothing of it.
  for (const slug of SETTINGS_PAGES) {
    const res = await page.goto(`/dashboard/settings/${slug}?b=${businessId}`);
    expect(res?.status(), slug).toBe(404);
    await expect(page.getByRole("heading", { name: "Business not found" })).toBeVisible();
    await expect(page.getByText(businessName)).toHaveCount(0);
  }
  await page.screenshot({ path: `${SHOTS}/settings-not-found.png` });
  // The dashboard's own pages fall back to the account's own business: still nothing of the first.
  for (const path of ["/dashboard", "/dashboard/appointments"]) {
    await page.goto(`${path}?b=${businessId}`);
    await expect(page.getByText(businessName)).toHaveCount(0);
  }

  // By the API: reads and writes on the first business's id are NOT_FOUND.
  const request = page.request;
  expect(await trpc(request, "settings.profile", { businessId }, "query")).toMatchObject({ status: 404, code: "NOT_FOUND" });
  expect(await trpc(request, "settings.services", { businessId }, "query")).toMatchObject({ status: 404, code: "NOT_FOUND" });
  const writes: [string, Record<string, unknown>][] = [
    ["settings.updateProfile", { businessId, name: "Taken over", timezone: "UTC", contactPhone: null, email: null, address: null }],
    ["settings.setWeeklyHours", { businessId, staffId: null, hours: [] }],
    ["settings.updateAgentSettings", { businessId, greeting: "You have reached someone else." }],
    ["settings.createApiKey", { businessId, name: "Stolen" }],
    ["appointments.cancel", { businessId, appointmentId: "x" }],
  ];
  for (const [path, input] of writes) {
    expect(await trpc(request, path, input, "mutation"), path).toMatchObject({ status: 404, code: "NOT_FOUND" });
  }

  // Nothing changed: the first business, seen by its own owner.
  const ownerContext = await browser.newContext({ baseURL: new URL(page.url()).origin, timezoneId: "America/Chicago" });
  const ownerPage = await ownerContext.newPage();
  await signIn(ownerPage, signedUp ? owner : DEMO);
  const profile = await trpc(ownerPage.request, "settings.profile", { businessId }, "query");
  expect(profile).toMatchObject({ status: 200, data: { name: businessName, timezone: "America/Chicago" } });
  const hours = await trpc(ownerPage.request, "settings.hours", { businessId }, "query");
  expect((hours.data as { weekly: unknown[] }).weekly).toHaveLength(5); // Tue–Sat after the edit
  const keys = await trpc(ownerPage.request, "settings.apiKeys", { businessId }, "query");
  expect((keys.data as { name: string }[]).map((k) => k.name)).toEqual(["Website"]);
  await ownerContext.close();
});

test("a staff member sees the settings read-only, not the API keys, and the API refuses their changes", async ({ page, browser }) => {
  // The demo owner invites a staff member; they sign up with the invited address and accept.
  const ownerContext = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const ownerPage = await ownerContext.newPage();
  await signIn(ownerPage, DEMO);
  const mine = await trpc(ownerPage.request, "business.mine", undefined, "query");
  const demoId = (mine.data as { business: { id: string; name: string } }[]).find((m) => m.business.name === "Bloom Hair Studio")!.business.id;
  const staffEmail = `staff-${run}@example.com`;
  expect(await trpc(ownerPage.request, "members.invite", { businessId: demoId, email: staffEmail, role: "staff" }, "mutation")).toMatchObject({ status: 200 });
  await ownerContext.close();

  const signup = await page.goto("/signup");
  expect(signup?.status(), "sign-up makes the second account").toBe(200);
  await page.getByLabel("Your name").fill("Sam Staff");
  await page.getByLabel("Email").fill(staffEmail);
  await page.getByLabel("Password").fill(owner.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/onboarding$/);
  const outbox = await trpc(page.request, "account.outbox", undefined, "query");
  const invitation = (outbox.data as { kind: string; body: string }[]).find((m) => m.kind === "invitation")!;
  const token = /token=([^\s&]+)/.exec(invitation.body)![1]!;
  expect(await trpc(page.request, "members.accept", { token: decodeURIComponent(token) }, "mutation")).toMatchObject({ status: 200 });

  // Every settings page but the API keys is readable, with nothing to change.
  await page.goto(`/dashboard/settings/hours?b=${demoId}`);
  await expect(page.getByText("You can look at these settings; only an owner or admin of the business can change them.")).toBeVisible();
  await expect(page.getByLabel("Open on Tuesday")).toBeChecked();
  await expect(page.getByLabel("Open on Tuesday")).toBeDisabled();
  await expect(page.getByRole("button", { name: "Save hours" })).toHaveCount(0);
  await expect(settingsNav(page).getByRole("link", { name: "API keys" })).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/settings-hours-staff.png`, fullPage: true });
  await page.goto(`/dashboard/settings/services?b=${demoId}`);
  await expect(page.locator("[data-service='Color']")).toBeVisible();
  await expect(page.getByRole("button", { name: /^(Add service|Edit)/ })).toHaveCount(0);
  await page.goto(`/dashboard/settings/api-keys?b=${demoId}`);
  await expect(page.getByRole("heading", { name: "Owners and admins only" })).toBeVisible();
  await expect(page.getByText("sk_")).toHaveCount(0);

  // And the API says FORBIDDEN to a member without the role, rather than NOT_FOUND.
  expect(await trpc(page.request, "settings.hours", { businessId: demoId }, "query")).toMatchObject({ status: 200 });
  expect(await trpc(page.request, "settings.setWeeklyHours", { businessId: demoId, staffId: null, hours: [] }, "mutation")).toMatchObject({ status: 403, code: "FORBIDDEN" });
  expect(await trpc(page.request, "settings.apiKeys", { businessId: demoId }, "query")).toMatchObject({ status: 403, code: "FORBIDDEN" });
  const hours = await trpc(page.request, "settings.hours", { businessId: demoId }, "query");
  expect((hours.data as { weekly: unknown[] }).weekly).toHaveLength(5);
});
