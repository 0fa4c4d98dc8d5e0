import { describe, expect, it } from "vitest";
import { agentSettings, DEFAULT_GREETING } from "./agent-settings-input";
import { parseBusinessSettings } from "./business-settings";
import { DEFAULT_TEMPLATES, notificationSettings } from "./notification-settings-input";

describe("parseBusinessSettings", () => {
  it("fills every section with defaults for an empty or missing object", () => {
    for (const value of [undefined, null, {}, "nonsense", []]) {
      const settings = parseBusinessSettings(value);
      expect(settings.booking).toEqual({ cancellationWindowHours: 24, callersMayReschedule: true, callersMayCancel: true, waitlistHoldMinutes: 30 });
      expect(settings.agent).toMatchObject({ greeting: DEFAULT_GREETING, voice: "warm", languages: ["en"], transferNumber: null, transferHours: "opening_hours", afterHours: "book" });
      expect(settings.faq).toEqual([]);
      expect(settings.notifications).toEqual({ sms: true, email: true, templates: DEFAULT_TEMPLATES, reminderOffsetsMinutes: [1440] });
      expect(settings.publicAvailability).toBe(true);
    }
  });

  it("reads settings written before the agent, FAQ and notification sections existed (the demo seed's shape)", () => {
    const settings = parseBusinessSettings({
      agent: { greeting: "Thanks for calling Bloom Hair Studio.", voice: "warm", languages: ["en", "es"] },
      booking: { cancellationWindowHours: 24, callersMayReschedule: true, callersMayCancel: true },
      publicAvailability: true,
    });
    expect(settings.agent).toMatchObject({ greeting: "Thanks for calling Bloom Hair Studio.", languages: ["en", "es"], persona: expect.any(String), afterHours: "book" });
    expect(settings.booking.waitlistHoldMinutes).toBe(30);
  });

  it("falls back section by section: a broken agent section keeps the booking policy", () => {
    const settings = parseBusinessSettings({ booking: { cancellationWindowHours: 48 }, agent: { voice: "robot" }, somethingNew: 1 });
    expect(settings.booking.cancellationWindowHours).toBe(48);
    expect(settings.agent.voice).toBe("warm");
    expect((settings as Record<string, unknown>).somethingNew).toBe(1);
  });
});

describe("agent settings", () => {
  it("needs the times when transfers are allowed at custom times", () => {
    const result = agentSettings.safeParse({ transferHours: "custom", transferRanges: [] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ path: ["transferRanges"] });
    expect(agentSettings.parse({ transferHours: "custom", transferRanges: [{ weekday: 1, startMinute: 540, endMinute: 720 }] }).transferRanges).toHaveLength(1);
  });

  it("records calls only when the owner turns it on", () => {
    expect(agentSettings.parse({}).recordCalls).toBe(false);
    expect(agentSettings.parse({ recordCalls: true }).recordCalls).toBe(true);
    expect(agentSettings.safeParse({ recordCalls: "yes" }).error?.issues[0]?.path).toEqual(["recordCalls"]);
  });

  it("normalises the transfer number to E.164 and refuses one that is not a number", () => {
    expect(agentSettings.parse({ transferNumber: "+1 (555) 010-2000" }).transferNumber).toBe("+15550102000");
    expect(agentSettings.parse({ transferNumber: "" }).transferNumber).toBeNull();
    expect(agentSettings.safeParse({ transferNumber: "call me" }).error?.issues[0]?.path).toEqual(["transferNumber"]);
  });
});

describe("notification settings", () => {
  it("refuses a placeholder it cannot fill, naming it", () => {
    const result = notificationSettings.safeParse({ templates: { ...DEFAULT_TEMPLATES, reminder: "See you {when}!" } });
    expect(result.error?.issues[0]).toMatchObject({ path: ["templates", "reminder"], message: expect.stringContaining("{when}") });
  });

  it("sorts reminders earliest first and refuses two at the same time", () => {
    expect(notificationSettings.parse({ reminderOffsetsMinutes: [120, 2880] }).reminderOffsetsMinutes).toEqual([2880, 120]);
    expect(notificationSettings.safeParse({ reminderOffsetsMinutes: [60, 60] }).success).toBe(false);
    expect(notificationSettings.safeParse({ reminderOffsetsMinutes: [5] }).success).toBe(false);
  });
});
