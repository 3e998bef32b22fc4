import { describe, expect, it } from "vitest";
import { etagOf, ifNoneMatchIncludes } from "./etag";

describe("etagOf", () => {
  it("tags the same bytes alike, whether they arrive as text or as a buffer", () => {
    const body = '{"data":["Ñandú"]}';
    expect(etagOf(body)).toBe(etagOf(Buffer.from(body)));
    expect(etagOf(body)).not.toBe(etagOf(`${body} `));
    expect(etagOf(body)).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
  });
});

describe("ifNoneMatchIncludes", () => {
  const etag = etagOf("body");
  it("finds the tag in a list, weak or strong, or a star", () => {
    expect(ifNoneMatchIncludes(`"other", W/${etag}`, etag)).toBe(true);
    expect(ifNoneMatchIncludes("*", etag)).toBe(true);
    expect(ifNoneMatchIncludes([`"other"`, etag], etag)).toBe(true);
  });
  it("refuses other tags and no header", () => {
    expect(ifNoneMatchIncludes(`"other"`, etag)).toBe(false);
    expect(ifNoneMatchIncludes(undefined, etag)).toBe(false);
    expect(ifNoneMatchIncludes(null, etag)).toBe(false);
  });
});
