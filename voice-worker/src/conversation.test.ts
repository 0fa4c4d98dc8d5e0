import { describe, expect, it } from "vitest";
import { ReplyChannel, staticReply, type ReplyEvent } from "./conversation";

async function all(stream: AsyncIterable<ReplyEvent>) {
  const events: ReplyEvent[] = [];
  for await (const event of stream) events.push(event);
  return events;
}

describe("ReplyChannel", () => {
  it("turns callbacks into a reply stream that ends with done", async () => {
    const channel = new ReplyChannel();
    const collected = all(channel.stream);
    channel.push({ type: "text", delta: "Hello. " });
    await new Promise((resolve) => setTimeout(resolve, 5));
    channel.push({ type: "tool-start", name: "check_availability" });
    channel.push({ type: "text", delta: "Found it." });
    channel.finish({ kind: "hangup" });
    channel.push({ type: "text", delta: "ignored after finish" });
    expect(await collected).toEqual([
      { type: "text", delta: "Hello. " },
      { type: "tool-start", name: "check_availability" },
      { type: "text", delta: "Found it." },
      { type: "done", action: { kind: "hangup" } },
    ]);
  });

  it("rejects the stream when the producer fails", async () => {
    const channel = new ReplyChannel();
    channel.push({ type: "text", delta: "Partial" });
    channel.fail(new Error("model error"));
    await expect(all(channel.stream)).rejects.toThrow("model error");
  });
});

describe("staticReply", () => {
  it("yields the outcome, the text and the action", async () => {
    expect(await all(staticReply("Bye.", { outcome: "booked", action: { kind: "hangup" } }))).toEqual([
      { type: "outcome", outcome: "booked" },
      { type: "text", delta: "Bye." },
      { type: "done", action: { kind: "hangup" } },
    ]);
  });
});
