// A new user's first minute: the app is up, the demo login works, the dashboard renders.
import { expect, test } from "@playwright/test";

const DEMO = { email: "owner@demo.salon", password: "demo-salon-2026" };

test("the demo owner signs in, sees the dashboard and signs out", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: /never miss a booking call/i })).toBeVisible();
  await page.getByRole("link", { name: "Sign in" }).click();

  await page.getByLabel("Email").fill(DEMO.email);
  await page.getByLabel("Password").fill(DEMO.password);
  await page.getByRole("button", { name: "Sign in" }).click();

  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { name: "Bloom Hair Studio" })).toBeVisible();
  await expect(page.getByText("+15555550100", { exact: false }).first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Connections" })).toBeVisible();
  await expect(page.getByText("embedded PGlite", { exact: false })).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/dashboard.png", fullPage: true });

  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "test-results/screenshots/dashboard-phone.png", fullPage: true });

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login/);
});

test("a wrong password gets an inline error and no session", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill(DEMO.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: /./ })).toHaveText("That email and password don't match an account.");
  await page.screenshot({ path: "test-results/screenshots/login-error.png" });
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login/);
});

test("the health endpoint reports the database and each part's mode", async ({ request }) => {
  const res = await request.get("/api/health");
  expect(res.status()).toBe(200);
  const body = (await res.json()) as { ok: boolean; modes: Record<string, { mode: string; live: boolean }> };
  expect(body.ok).toBe(true);
  expect(body.modes.languageModel).toEqual({ mode: "built-in agent (no LLM)", live: false });
});
