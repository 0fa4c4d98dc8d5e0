import { describe, expect, it } from "vitest";
import { clientIp } from "./client-ip";

const h = (xff?: string) => new Headers(xff === undefined ? {} : { "x-forwarded-for": xff });

describe("clientIp", () => {
  it("takes the entry the nearest trusted proxy appended, ignoring what the client put before it", () => {
    expect(clientIp(h("6.6.6.6, 203.0.113.7"), 1)).toBe("203.0.113.7");
    expect(clientIp(h("6.6.6.6, 203.0.113.7, 10.0.0.2"), 2)).toBe("203.0.113.7");
  });

  it("trusts nothing when no proxy is configured", () => {
    expect(clientIp(h("203.0.113.7"), 0)).toBeNull();
  });

  it("answers null without the header or with too few entries", () => {
    expect(clientIp(h(), 1)).toBeNull();
    expect(clientIp(h("203.0.113.7"), 2)).toBeNull();
  });

  it("treats IPv4-mapped IPv6 and ports as the same client, and ignores garbage", () => {
    expect(clientIp(h("::ffff:127.0.0.1"), 1)).toBe("127.0.0.1");
    expect(clientIp(h("198.51.100.4:5123"), 1)).toBe("198.51.100.4");
    expect(clientIp(h("[2001:db8::1]:443"), 1)).toBe("2001:db8::1");
    expect(clientIp(h("<script>"), 1)).toBeNull();
  });
});
