// Actions on the phone call itself, beyond the audio: hang up, transfer to a person, hand the
// caller to Twilio's <Record> for a message, record the whole call. With Twilio credentials these
// are REST updates of the live call (calls(sid).update({ twiml })): the call leaves our <Connect>,
// Twilio ends the Media Stream, and the fallback TwiML after <Connect> is discarded. Closing the
// socket without such an update is what makes Twilio run that fallback (apology + message), so
// it is reserved for failures.
//
// Without credentials (the call simulator) there is no call to update: the simulator control
// closes the socket with a close reason that says what Twilio would have been asked to do
// ("simulated-hangup", "simulated-transfer +1555…"). The simulator reads it and says so, labelled.
import { escapeXml } from "../../../server/calls/twiml";
import type { Logger } from "../../../server/logger";

export interface ControlledCall {
  callId: string;
  callSid: string;
  /** Closes the Media Streams socket. */
  closeSocket(code: number, reason: string): void;
}

export interface CallControl {
  readonly kind: "twilio" | "simulator";
  hangUp(call: ControlledCall): Promise<void>;
  transfer(call: ControlledCall, number: string): Promise<void>;
  /** Twilio only: continue the call in <Record>; the recording callback stores the message. */
  recordMessage?(call: ControlledCall, options: { actionUrl: string; maxSeconds: number }): Promise<void>;
  /** Twilio only: record the whole call (the owner turned recording on); the callback stores the URL. */
  startCallRecording?(call: ControlledCall, options: { callbackUrl: string }): Promise<void>;
}

/** The slice of the twilio client used here (so tests can pass a fake). */
export interface TwilioCallsApi {
  calls(sid: string): {
    update(options: { twiml: string }): Promise<unknown>;
    recordings: { create(options: Record<string, unknown>): Promise<unknown> };
  };
}

/** Seconds to wait for Twilio's `stop` after a REST update before closing the socket ourselves. */
const STOP_GRACE_MS = 5000;

export class TwilioCallControl implements CallControl {
  readonly kind = "twilio";

  constructor(
    private readonly client: TwilioCallsApi,
    private readonly log: Logger,
  ) {}

  static async create(accountSid: string, authToken: string, log: Logger): Promise<TwilioCallControl> {
    const { default: twilio } = await import("twilio");
    return new TwilioCallControl(twilio(accountSid, authToken) as unknown as TwilioCallsApi, log);
  }

  async hangUp(call: ControlledCall): Promise<void> {
    await this.update(call, "<Response><Hangup/></Response>");
  }

  async transfer(call: ControlledCall, number: string): Promise<void> {
    await this.update(call, `<Response><Dial>${escapeXml(number)}</Dial></Response>`);
  }

  async recordMessage(call: ControlledCall, { actionUrl, maxSeconds }: { actionUrl: string; maxSeconds: number }): Promise<void> {
    await this.update(
      call,
      `<Response><Record action="${escapeXml(actionUrl)}" method="POST" maxLength="${maxSeconds}" timeout="5" playBeep="true" finishOnKey="#"/><Say>We didn't receive a message. Goodbye.</Say><Hangup/></Response>`,
    );
  }

  async startCallRecording(call: ControlledCall, { callbackUrl }: { callbackUrl: string }): Promise<void> {
    await this.client.calls(call.callSid).recordings.create({
      recordingStatusCallback: callbackUrl,
      recordingStatusCallbackEvent: ["completed"],
      recordingChannels: "dual",
    });
  }

  private async update(call: ControlledCall, twiml: string): Promise<void> {
    try {
      await this.client.calls(call.callSid).update({ twiml });
    } catch (error) {
      // Closing without the update runs the fallback TwiML: the caller still gets a way out.
      this.log.error({ err: error instanceof Error ? error.message : error, callId: call.callId }, "Twilio call update failed");
      call.closeSocket(1011, "call update failed");
      return;
    }
    setTimeout(() => call.closeSocket(1000, "call updated"), STOP_GRACE_MS).unref();
  }
}

export class SimulatorCallControl implements CallControl {
  readonly kind = "simulator";

  async hangUp(call: ControlledCall): Promise<void> {
    call.closeSocket(1000, "simulated-hangup");
  }

  async transfer(call: ControlledCall, number: string): Promise<void> {
    call.closeSocket(1000, `simulated-transfer ${number}`);
  }
}
