import { describe, expect, it } from "vitest";
import { escapeXml } from "./xml";

describe("escapeXml", () => {
  it("escapes markup and quotes", () => {
    expect(escapeXml(`<a href="x">Tom & 'Jerry'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;");
  });

  it("drops characters XML cannot carry and keeps the rest of Unicode", () => {
    expect(escapeXml("a\u0000b\u0008c\ud800d\uffff")).toBe("abcd");
    expect(escapeXml("tab\tline\nñ 😀")).toBe("tab\tline\nñ 😀");
  });
});
