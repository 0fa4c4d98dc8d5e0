import pino from "pino";
import { describe, expect, it, vi } from "vitest";
import { SimulatorCallControl, TwilioCallControl, type TwilioCallsApi } from "./call-control";

function fakeTwilio(fail = false) {
  const updates: Array<{ sid: string; twiml: string }> = [];
  const recordings: Array<{ sid: string; options: Record<string, unknown> }> = [];
  const client: TwilioCallsApi = {
    calls: (sid) => ({
      update: async ({ twiml }) => {
        if (fail) throw new Error("Twilio is down");
        updates.push({ sid, twiml });
      },
      recordings: { create: async (options) => void recordings.push({ sid, options }) },
    }),
  };
  return { client, updates, recordings };
}

const call = () => ({ callId: "c1", callSid: "CA1", closeSocket: vi.fn() });
const log = pino({ level: "silent" });

describe("TwilioCallControl", () => {
  it("hangs up, transfers and records through REST updates of the live call", async () => {
    const { client, updates, recordings } = fakeTwilio();
    const control = new TwilioCallControl(client, log);
    await control.hangUp(call());
    await control.transfer(call(), "+15555550199");
    await control.recordMessage(call(), { actionUrl: "https://book.example.com/api/twilio/recording?callId=c1&kind=message", maxSeconds: 90 });
    await control.startCallRecording(call(), { callbackUrl: "https://book.example.com/api/twilio/recording?callId=c1&kind=call" });
    expect(updates.map((u) => u.twiml)).toEqual([
      "<Response><Hangup/></Response>",
      "<Response><Dial>+15555550199</Dial></Response>",
      '<Response><Record action="https://book.example.com/api/twilio/recording?callId=c1&amp;kind=message" method="POST" maxLength="90" timeout="5" playBeep="true" finishOnKey="#"/><Say>We didn\'t receive a message. Goodbye.</Say><Hangup/></Response>',
    ]);
    expect(recordings[0]).toMatchObject({ sid: "CA1", options: { recordingChannels: "dual", recordingStatusCallbackEvent: ["completed"] } });
  });

  it("escapes the dialled number and, if the update fails, closes the socket so Twilio's fallback runs", async () => {
    const ok = fakeTwilio();
    await new TwilioCallControl(ok.client, log).transfer(call(), "+1<555>&");
    expect(ok.updates[0]!.twiml).toBe("<Response><Dial>+1&lt;555&gt;&amp;</Dial></Response>");
    const failed = call();
    await new TwilioCallControl(fakeTwilio(true).client, log).hangUp(failed);
    expect(failed.closeSocket).toHaveBeenCalledWith(1011, "call update failed");
  });
});

describe("SimulatorCallControl", () => {
  it("closes the socket with a reason that says what Twilio would have been asked", async () => {
    const c = call();
    await new SimulatorCallControl().transfer(c, "+15555550199");
    expect(c.closeSocket).toHaveBeenCalledWith(1000, "simulated-transfer +15555550199");
  });
});
