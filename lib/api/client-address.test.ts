import { describe, expect, it } from "vitest";
import { clientAddressFrom, trustedProxyCount } from "./client-address";

describe("clientAddressFrom", () => {
  it("uses the socket's peer when no proxy is trusted, whatever X-Forwarded-For claims", () => {
    expect(clientAddressFrom("203.0.113.7", "198.51.100.1", 0)).toBe("203.0.113.7");
    expect(clientAddressFrom("203.0.113.7", undefined, 0)).toBe("203.0.113.7");
  });

  it("behind one proxy, takes the address that proxy appended, not what the client wrote before it", () => {
    // The client forged "1.2.3.4"; the proxy appended the address it really saw.
    expect(clientAddressFrom("10.0.0.2", "1.2.3.4, 198.51.100.9", 1)).toBe("198.51.100.9");
    expect(clientAddressFrom("10.0.0.2", "198.51.100.9", 1)).toBe("198.51.100.9");
  });

  it("behind two proxies, skips the inner one's entry", () => {
    expect(clientAddressFrom("10.0.0.2", "1.2.3.4, 198.51.100.9, 10.0.0.3", 2)).toBe("198.51.100.9");
    expect(clientAddressFrom("10.0.0.2", ["1.2.3.4, 198.51.100.9", "10.0.0.3"], 2)).toBe("198.51.100.9");
  });

  it("falls back to the socket's peer when the chain is shorter than configured or holds no address", () => {
    expect(clientAddressFrom("10.0.0.2", undefined, 1)).toBe("10.0.0.2");
    expect(clientAddressFrom("10.0.0.2", "not-an-address", 1)).toBe("10.0.0.2");
    expect(clientAddressFrom("10.0.0.2", "x".repeat(5000), 1)).toBe("10.0.0.2");
    expect(clientAddressFrom(undefined, undefined, 0)).toBe("unknown");
  });

  it("keeps IPv6 addresses whole", () => {
    expect(clientAddressFrom("::1", "2001:db8::1", 1)).toBe("2001:db8::1");
  });
});

describe("trustedProxyCount", () => {
  it("defaults to no proxy and reads a whole number", () => {
    expect(trustedProxyCount(undefined)).toBe(0);
    expect(trustedProxyCount("")).toBe(0);
    expect(trustedProxyCount("2")).toBe(2);
  });

  it("refuses anything else with a message naming the setting", () => {
    for (const bad of ["-1", "1.5", "yes", "11"]) expect(() => trustedProxyCount(bad)).toThrow(/CONTRASTE_TRUSTED_PROXIES/);
  });
});
