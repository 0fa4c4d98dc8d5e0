// A website books through the public REST API of the running product (`npm start`, where /api/v1
// is served by its routes ahead of Next.js): the owner creates an API key in the settings, the
// site reads services and free times without a key (the demo salon shares its availability),
// books with the key, and the booking appears on the owner's appointments page; then the owner
// makes free times private, and only the key reads them. Bad requests get problem+json answers
// that name the problem, and write nothing.
import { expect, test } from "@playwright/test";
import { addDays, openDayAfter, signInAsDemoOwner } from "./demo-salon";

const SHOTS = "test-results/screenshots";
const BASE = "/api/v1/businesses/bloom-hair-studio";

test.use({ viewport: { width: 1280, height: 900 } });

test("a website reads free times, books with the owner's API key, and the owner sees the booking", async ({ page, request }) => {
  await signInAsDemoOwner(page);
  await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Settings" }).click();
  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "API keys" }).click();
  await page.getByLabel("Name", { exact: true }).fill("Website booking form");
  await page.getByRole("button", { name: "Create key" }).click();
  const key = (await page.getByTestId("new-api-key").innerText()).trim();
  expect(key).toMatch(/^sk_/);

  const openapi = await request.get("/api/v1/openapi.json");
  expect(openapi.status()).toBe(200);
  expect((await openapi.json()) as { openapi: string }).toMatchObject({ openapi: expect.stringMatching(/^3\./) });

  const { services } = (await (await request.get(`${BASE}/services`)).json()) as { services: { id: string; name: string }[] };
  const haircut = services.find((s) => s.name === "Men's haircut")!;
  const day = openDayAfter(14);
  const availability = await request.get(`${BASE}/availability`, {
    params: { service: haircut.id, from: `${day}T00:00:00-05:00`, to: `${addDays(day, 1)}T00:00:00-05:00` },
  });
  expect(availability.status()).toBe(200);
  const { slots } = (await availability.json()) as { slots: { slotId: string; startsAt: string; staffIds: string[] }[] };
  // A time only one person can take (Maya alone before 11, or Leo alone on Saturdays), so
  // booking it twice meets a taken slot rather than the other person.
  const slot = slots.find((s) => s.staffIds.length === 1)!;
  expect(slot).toBeDefined();

  // Without the key, and with a malformed body: refused, named, nothing written.
  const anonymous = await request.post(`${BASE}/bookings`, { data: { serviceId: haircut.id, slotId: slot.slotId, customer: { phone: "+15550107070" } } });
  expect(anonymous.status()).toBe(401);
  expect(anonymous.headers()["content-type"]).toContain("application/problem+json");
  const malformed = await request.post(`${BASE}/bookings`, {
    headers: { authorization: `Bearer ${key}` },
    data: { serviceId: haircut.id, startsAt: "next tuesday", customer: { phone: "+15550107070" } },
  });
  expect(malformed.status()).toBe(400);
  expect(malformed.headers()["content-type"]).toContain("application/problem+json");
  expect(JSON.stringify(await malformed.json())).toContain("startsAt");
  const nowhere = await request.get("/api/v1/no-such-thing");
  expect(nowhere.status()).toBe(404);
  expect(nowhere.headers()["content-type"]).toContain("application/problem+json");

  const booked = await request.post(`${BASE}/bookings`, {
    headers: { authorization: `Bearer ${key}`, "idempotency-key": `e2e-${Date.now()}` },
    data: { serviceId: haircut.id, slotId: slot.slotId, customer: { phone: "+15550107070", name: "Riley Website" } },
  });
  expect(booked.status()).toBe(201);
  const booking = (await booked.json()) as { id: string; startsAt: string; customer: { name: string } };
  expect(booking).toMatchObject({ startsAt: slot.startsAt, customer: { name: "Riley Website" } });
  expect(booked.headers()["location"]).toBe(`${BASE}/bookings/${booking.id}`);
  // The same slot again: taken, with the nearest free times.
  const again = await request.post(`${BASE}/bookings`, {
    headers: { authorization: `Bearer ${key}` },
    data: { serviceId: haircut.id, slotId: slot.slotId, customer: { phone: "+15550107071" } },
  });
  expect(again.status()).toBe(409);
  expect(((await again.json()) as { alternatives: unknown[] }).alternatives.length).toBeGreaterThan(0);

  await page.goto(`/dashboard/appointments?date=${day}`);
  const card = page.getByRole("button", { name: /Men's haircut/ }).filter({ hasText: "Riley Website" });
  await expect(card).toHaveCount(1);
  await page.screenshot({ path: `${SHOTS}/appointments-booked-by-api.png`, fullPage: true });

  // The owner makes free times private: anonymous reads are refused, the key still reads them.
  await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Settings" }).click();
  await page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "API keys" }).click();
  const publicTimes = page.getByLabel("Anyone may see your services and free times without a key");
  await expect(publicTimes).toBeChecked();
  await publicTimes.uncheck();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Free times now need a key." })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/settings-api-keys-private.png`, fullPage: true });
  expect((await request.get(`${BASE}/services`)).status()).toBe(401);
  expect((await request.get(`${BASE}/services`, { headers: { authorization: `Bearer ${key}` } })).status()).toBe(200);
  await page.reload();
  await expect(publicTimes).not.toBeChecked();
  await publicTimes.check();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Free times are public." })).toBeVisible();
  expect((await request.get(`${BASE}/services`)).status()).toBe(200);
});
