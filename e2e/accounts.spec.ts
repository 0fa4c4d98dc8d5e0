// Accounts as a new owner meets them, with no mail server: sign up, confirm the address from the
// local outbox, sign out, reset the password from an emailed link, sign in with the new one.
// Also: inline form errors at phone width, the sign-in lockout, and joining a team by invitation.
import { expect, test, type Browser, type Page } from "@playwright/test";

const SHOTS = "test-results/screenshots";
const DEMO = { email: "owner@demo.salon", password: "demo-salon-2026" };
const unique = (name: string) => `${name}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}@example.com`;

async function signIn(page: Page, email: string, password: string) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

/** The first link in the newest outbox message with this subject. */
async function linkInOutbox(page: Page, subject: string | RegExp): Promise<string> {
  await page.goto("/dashboard/outbox");
  const message = page.getByRole("article").filter({ has: page.getByRole("heading", { name: subject }) }).first();
  await expect(message).toBeVisible();
  const href = await message.getByRole("link").first().getAttribute("href");
  expect(href).toBeTruthy();
  return href!;
}

async function signUp(page: Page, { name, email, password }: { name: string; email: string; password: string }) {
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
}

async function otherDevice(browser: Browser) {
  const context = await browser.newContext();
  return { context, page: await context.newPage() };
}

test("a new owner signs up, confirms the email from the outbox, and resets a forgotten password", async ({ page, browser }) => {
  const email = unique("owner");
  const password = "first password 2026";
  const newPassword = "second password 2026";

  await page.goto("/signup");
  await expect(page.getByRole("heading", { name: "Create your account" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Continue with Google" })).toHaveCount(0); // Google not configured
  await page.screenshot({ path: `${SHOTS}/accounts-signup.png`, fullPage: true });
  await signUp(page, { name: "Olive Owner", email, password });
  await expect(page).toHaveURL(/\/onboarding/);

  // No mail server: the verification mail waits in the outbox, reachable without a business.
  await page.goto("/dashboard/outbox");
  await expect(page.getByRole("heading", { name: "Outbox" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Confirm your email address" })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/accounts-outbox.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SHOTS}/accounts-outbox-phone.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 720 });
  const verifyLink = await linkInOutbox(page, "Confirm your email for AppointmentScheduler");
  expect(verifyLink).toContain("/verify-email?token=");
  await page.goto(verifyLink);
  await expect(page.getByRole("heading", { name: "Email confirmed" })).toBeVisible();
  await expect(page.getByText(`Thanks! ${email} is confirmed.`)).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/accounts-verified.png`, fullPage: true });
  // The link works once.
  await page.goto("/dashboard/outbox");
  await expect(page.getByRole("heading", { name: "Confirm your email address" })).toHaveCount(0);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);

  // Another device of the same owner stays signed in (with the old password) until the reset.
  const laptop = await otherDevice(browser);
  await signIn(laptop.page, email, password);

  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page).toHaveURL(/\/forgot-password/);
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByText(`If ${email} has an account, we've sent it a link`)).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/accounts-forgot-password.png`, fullPage: true });

  const resetLink = await linkInOutbox(laptop.page, "Reset your AppointmentScheduler password");
  await page.goto(resetLink);
  await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  await page.getByLabel("New password", { exact: true }).fill(newPassword);
  await page.getByLabel("Repeat the new password").fill("not the same one");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByText("The two passwords don't match")).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/accounts-reset-password.png`, fullPage: true });
  await page.getByLabel("Repeat the new password").fill(newPassword);
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page).toHaveURL(/\/login\?reset=1/);
  await expect(page.getByText("Your password has been changed. Sign in with the new one.")).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/accounts-login-after-reset.png`, fullPage: true });

  // The old password is gone, the new one works, and the other device was signed out.
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText("That email and password don't match an account.");
  await page.getByLabel("Password", { exact: true }).fill(newPassword);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/login/);

  await laptop.page.goto("/dashboard/outbox");
  await expect(laptop.page).toHaveURL(/\/login/);
  await laptop.context.close();

  // The used reset link says so.
  await page.goto(resetLink);
  await expect(page.getByText("This reset link isn't valid.", { exact: false })).toBeVisible();
});

test("sign-up shows its errors beside the fields, at phone width too", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/signup");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Enter your name")).toBeVisible();
  await expect(page.getByLabel("Your name")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Enter your email address")).toBeVisible();

  await page.getByLabel("Your name").fill("Pat");
  await page.getByLabel("Email").fill("pat@example.com");
  await page.getByLabel("Password", { exact: true }).fill("pat@example.com");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Your password can't be your email address")).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/accounts-signup-errors-phone.png`, fullPage: true });

  // Keyboard only: the fields and the button are reachable in order.
  await page.getByLabel("Your name").focus();
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Email")).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Password", { exact: true })).toBeFocused();
});

test("too many wrong passwords lock the email for a while, with Retry-After and plain words", async ({ page, request }) => {
  const email = unique("lockout");
  for (let i = 0; i < 10; i++) {
    const res = await request.post("/api/session", { data: { email, password: `wrong-${i}` } });
    expect(res.status()).toBe(401);
  }
  const limited = await request.post("/api/session", { data: { email, password: "wrong-again" } });
  expect(limited.status()).toBe(429);
  expect(Number(limited.headers()["retry-after"])).toBeGreaterThan(800);

  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill("whatever-it-is");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText(
    /^Too many sign-in attempts\. Wait 1[45] minutes and try again, or reset your password\.$/,
  );
  await page.screenshot({ path: `${SHOTS}/accounts-login-locked.png` });
});

test("an invited staff member signs up, accepts the invitation and lands on the business's dashboard", async ({ page, browser }) => {
  const invitee = unique("stylist");
  // The demo owner invites through the API the team settings page uses.
  const owner = await otherDevice(browser);
  await signIn(owner.page, DEMO.email, DEMO.password);
  const mine = await owner.page.request.get("/api/trpc/business.mine");
  const businessId = ((await mine.json()) as { result: { data: { json: { business: { id: string } }[] } } }).result.data.json[0]!.business.id;
  const invited = await owner.page.request.post("/api/trpc/members.invite", { data: { json: { businessId, email: invitee, role: "staff" } } });
  expect(invited.status()).toBe(200);
  await owner.context.close();

  // The invitee creates an account with the invited address and finds the invitation in the outbox.
  await page.goto("/signup");
  await signUp(page, { name: "Sam Stylist", email: invitee, password: "stylist password 1" });
  await expect(page).toHaveURL(/\/onboarding/);
  const inviteLink = await linkInOutbox(page, "Join Bloom Hair Studio on AppointmentScheduler");
  await page.goto(inviteLink);
  await expect(page.getByRole("heading", { name: "Join Bloom Hair Studio" })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/accounts-invitation.png`, fullPage: true });
  await page.getByRole("button", { name: "Join Bloom Hair Studio" }).click();
  await expect(page).toHaveURL(/\/dashboard\?b=/);
  await expect(page.getByRole("heading", { name: "Bloom Hair Studio" })).toBeVisible();

  // Used once: opening it again says so.
  await page.goto(inviteLink);
  await expect(page.getByText("This invitation has already been used.")).toBeVisible();
});

test("signing up with an address that has an account answers like a new sign-up, without a session", async ({ playwright }) => {
  const email = unique("twice");
  const attempt = async () => {
    const api = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
    const res = await api.post("/api/auth/sign-up", { data: { name: "Twice", email, password: "a long password 1" } });
    const result = { status: res.status(), body: (await res.json()) as unknown, cookie: res.headers()["set-cookie"] ?? "" };
    await api.dispose();
    return result;
  };
  const first = await attempt();
  const second = await attempt();
  expect(second.status).toBe(first.status);
  expect(second.body).toEqual(first.body);
  expect(first.cookie).toContain("next-auth.session-token=");
  expect(second.cookie).not.toContain("next-auth.session-token=");
});
