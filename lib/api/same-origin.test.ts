import { afterEach, describe, expect, it, vi } from "vitest";
import { assertSameOrigin } from "./mutation";

// Issue 12, low: the origin check compared hosts only (an https Origin passed for an http site) and
// believed a client's X-Forwarded-Host. It now compares scheme, host and port with the site's own
// origin, and believes forwarding headers only from configured proxies.

afterEach(() => vi.unstubAllEnvs());

const post = (headers: Record<string, string>) => new Request("http://internal:3000/api/editor/observations", { method: "POST", headers });
const accepted = (headers: Record<string, string>) => expect(() => assertSameOrigin(post(headers))).not.toThrow();
const refused = (headers: Record<string, string>) => expect(() => assertSameOrigin(post(headers))).toThrow(/Cross-site request refused/);

describe("the same-origin check, with no proxy and no public address configured", () => {
  it("accepts the site's own origin, default port or not", () => {
    accepted({ host: "contraste.test", origin: "http://contraste.test" });
    accepted({ host: "contraste.test:80", origin: "http://contraste.test" });
    accepted({ host: "127.0.0.1:3202", origin: "http://127.0.0.1:3202" });
  });

  it("refuses an Origin with another scheme or port than the host this server serves", () => {
    refused({ host: "contraste.test", origin: "https://contraste.test" });
    refused({ host: "contraste.test", origin: "http://contraste.test:8080" });
    refused({ host: "contraste.test", origin: "null" });
  });

  it("ignores a client's X-Forwarded-Host and X-Forwarded-Proto", () => {
    refused({ host: "contraste.test", origin: "http://evil.example", "x-forwarded-host": "evil.example" });
    refused({ host: "contraste.test", origin: "https://contraste.test", "x-forwarded-proto": "https" });
    accepted({ host: "contraste.test", origin: "http://contraste.test", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" });
  });

  it("leaves token callers alone and refuses a cross-site fetch without Origin", () => {
    accepted({ host: "contraste.test", origin: "http://evil.example", authorization: "Bearer ctk_x" });
    refused({ host: "contraste.test", "sec-fetch-site": "cross-site" });
    accepted({ host: "contraste.test", "sec-fetch-site": "same-origin" });
  });
});

describe("the same-origin check behind a trusted proxy", () => {
  it("believes the proxy's X-Forwarded-Proto and -Host, and still compares the scheme", () => {
    vi.stubEnv("CONTRASTE_TRUSTED_PROXIES", "1");
    accepted({
      host: "internal:3000",
      origin: "https://contraste.example",
      "x-forwarded-host": "contraste.example",
      "x-forwarded-proto": "https",
    });
    refused({
      host: "internal:3000",
      origin: "http://contraste.example",
      "x-forwarded-host": "contraste.example",
      "x-forwarded-proto": "https",
    });
    // The client wrote the first entry, the proxy appended the second: the proxy's counts.
    refused({
      host: "internal:3000",
      origin: "https://evil.example",
      "x-forwarded-host": "evil.example, contraste.example",
      "x-forwarded-proto": "https",
    });
  });
});

describe("the same-origin check with CONTRASTE_PUBLIC_URL", () => {
  it("compares with the public address, whatever Host and forwarding headers say", () => {
    vi.stubEnv("CONTRASTE_PUBLIC_URL", "https://contraste.example/");
    accepted({ host: "internal:3000", origin: "https://contraste.example" });
    refused({ host: "contraste.example", origin: "http://contraste.example" });
    refused({ host: "evil.example", origin: "https://evil.example", "x-forwarded-host": "evil.example" });
    refused({ host: "internal:3000", origin: "https://contraste.example:8443" });
  });
});
