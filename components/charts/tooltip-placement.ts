// Where a point's details box goes: beside the point (right, else left), else below or above it,
// always inside the viewport. Everything in viewport pixels.

export type Box = { left: number; top: number; right: number; bottom: number };
export type Size = { width: number; height: number };

const GAP = 8;
const EDGE = 4;
const clamp = (value: number, low: number, high: number) => Math.max(low, Math.min(value, Math.max(low, high)));

export function placeBeside(anchor: Box, box: Size, viewport: Size): { left: number; top: number } {
  const middleX = (anchor.left + anchor.right) / 2;
  const middleY = (anchor.top + anchor.bottom) / 2;
  const top = clamp(middleY - 24, EDGE, viewport.height - box.height - EDGE);
  if (anchor.right + GAP + box.width <= viewport.width - EDGE) return { left: anchor.right + GAP, top };
  if (anchor.left - GAP - box.width >= EDGE) return { left: anchor.left - GAP - box.width, top };
  // Too narrow for either side (a phone): under the point, or over it near the bottom of the screen.
  const left = clamp(middleX - box.width / 2, EDGE, viewport.width - box.width - EDGE);
  if (anchor.bottom + GAP + box.height <= viewport.height - EDGE) return { left, top: anchor.bottom + GAP };
  return { left, top: Math.max(EDGE, anchor.top - GAP - box.height) };
}

/**
 * The points drawn within `radius` pixels of the given one, or of a point so listed, up to twice that
 * far (itself first): a click cannot tell them apart, so they are listed together.
 */
export function pointsNear<P extends { id: string; x: number; y: number }>(points: P[], id: string, radius = 12): P[] {
  const origin = points.find((point) => point.id === id);
  if (!origin) return [];
  const listed = [origin];
  for (let index = 0; index < listed.length; index++) {
    const from = listed[index]!;
    for (const point of points) {
      if (listed.includes(point)) continue;
      const close = Math.hypot(point.x - from.x, point.y - from.y) <= radius;
      if (close && Math.hypot(point.x - origin.x, point.y - origin.y) <= 2 * radius) listed.push(point);
    }
  }
  return listed;
}

/** The point nearest to a tap, if one is within reach of a finger. */
export function nearestPoint<P extends { x: number; y: number }>(points: P[], x: number, y: number, reach = 24): P | null {
  let best: P | null = null;
  let bestDistance = reach;
  for (const point of points) {
    const distance = Math.hypot(point.x - x, point.y - y);
    if (distance <= bestDistance) [best, bestDistance] = [point, distance];
  }
  return best;
}
