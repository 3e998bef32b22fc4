import { describe, expect, it } from "vitest";
import { notifyPayload } from "./invalidation";
import { EVERYTHING } from "./response-cache";
import { figureTag } from "../../lib/public-routes";

describe("the invalidation NOTIFY payload", () => {
  it("names the stale tags when they fit PostgreSQL's payload limit", () => {
    expect(notifyPayload(["indicator:homicide_rate", "overview", figureTag("abc")])).toBe("indicator:homicide_rate overview figure:abc");
  });

  it("tells other processes to drop everything when a batch names too many figures to fit", () => {
    const tags = Array.from({ length: 3_000 }, (_, index) => figureTag(`cmxa4kk1n0008${String(index).padStart(12, "0")}`));
    const payload = notifyPayload(tags);
    expect(payload).toBe(EVERYTHING);
    expect(Buffer.byteLength(payload)).toBeLessThan(8_000);
  });
});
