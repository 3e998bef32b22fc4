import { afterEach, describe, expect, it, vi } from "vitest";
import { originFromHeaders } from "./site-origin";

// Citations, embed code, oEmbed and the feed write absolute links from the request. A client's
// X-Forwarded-Host must not put an attacker's site into them unless a configured proxy wrote it.

afterEach(() => vi.unstubAllEnvs());

const linksFor = (headers: Record<string, string>) => originFromHeaders(new Headers(headers));

describe("the origin pages write their absolute links with", () => {
  it("is the Host over plain HTTP, whatever a client writes in forwarding headers", () => {
    expect(linksFor({ host: "contraste.test" })).toBe("http://contraste.test");
    expect(linksFor({ host: "contraste.test", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" })).toBe(
      "http://contraste.test",
    );
  });

  it("follows what the outermost trusted proxy forwarded", () => {
    vi.stubEnv("CONTRASTE_TRUSTED_PROXIES", "1");
    expect(linksFor({ host: "10.0.0.2:3000", "x-forwarded-host": "evil.example, contraste.org", "x-forwarded-proto": "https" })).toBe(
      "https://contraste.org",
    );
    expect(linksFor({ host: "10.0.0.2:3000", "x-forwarded-proto": "javascript" })).toBe("http://localhost:3000");
  });

  it("is CONTRASTE_PUBLIC_URL when set, whatever the request says", () => {
    vi.stubEnv("CONTRASTE_PUBLIC_URL", "https://contraste.org/");
    expect(linksFor({ host: "evil.example", "x-forwarded-host": "evil.example" })).toBe("https://contraste.org");
  });
});
