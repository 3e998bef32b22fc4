import { describe, expect, it } from "vitest";
import { nearestPoint, placeBeside, pointsNear } from "./tooltip-placement";

const viewport = { width: 1200, height: 800 };
const box = { width: 240, height: 120 };
const at = (x: number, y: number) => ({ left: x - 5, right: x + 5, top: y - 5, bottom: y + 5 });

describe("placeBeside", () => {
  it("puts the box right of the point", () => {
    expect(placeBeside(at(100, 300), box, viewport)).toEqual({ left: 113, top: 276 });
  });
  it("flips to the left near the right edge", () => {
    expect(placeBeside(at(1100, 300), box, viewport).left).toBe(1095 - 8 - 240);
  });
  it("goes under the point on a phone, inside the screen", () => {
    const placed = placeBeside(at(187, 300), box, { width: 375, height: 700 });
    expect(placed.top).toBe(313);
    expect(placed.left).toBeGreaterThanOrEqual(4);
    expect(placed.left + box.width).toBeLessThanOrEqual(371);
  });
  it("stays inside the viewport near the bottom", () => {
    const placed = placeBeside(at(100, 790), box, viewport);
    expect(placed.top + box.height).toBeLessThanOrEqual(796);
  });
});

describe("pointsNear / nearestPoint", () => {
  const points = [
    { id: "a", x: 10, y: 10 },
    { id: "b", x: 15, y: 18 },
    { id: "c", x: 40, y: 10 },
  ];
  it("lists the points that overlap the activated one, itself first", () => {
    expect(pointsNear(points, "b").map((p) => p.id)).toEqual(["b", "a"]);
    expect(pointsNear(points, "c").map((p) => p.id)).toEqual(["c"]);
  });
  it("follows a stack of points (each within reach of the next), but not along a whole series", () => {
    const stack = [0, 10, 20, 30, 40].map((y, i) => ({ id: `s${i}`, x: 0, y }));
    expect(pointsNear(stack, "s0").map((p) => p.id)).toEqual(["s0", "s1", "s2"]);
  });
  it("finds the point a tap meant, and none far from every point", () => {
    expect(nearestPoint(points, 38, 14)?.id).toBe("c");
    expect(nearestPoint(points, 200, 200)).toBeNull();
  });
});
