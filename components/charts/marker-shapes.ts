import type { ProducerType } from "@/lib/observations/types";

// Each producer type has its own marker shape, so series differ by more than colour.
export function markerPath(type: ProducerType, cx: number, cy: number, r = 5): string {
  switch (type) {
    case "government":
      return `M${cx - r},${cy - r}h${2 * r}v${2 * r}h${-2 * r}Z`;
    case "academic":
      return `M${cx},${cy - r * 1.2}L${cx + r * 1.1},${cy + r * 0.8}L${cx - r * 1.1},${cy + r * 0.8}Z`;
    case "media":
      return `M${cx},${cy - r * 1.3}L${cx + r * 1.3},${cy}L${cx},${cy + r * 1.3}L${cx - r * 1.3},${cy}Z`;
    case "intergovernmental":
      return `M${cx - r},${cy - r}L${cx + r},${cy + r}M${cx + r},${cy - r}L${cx - r},${cy + r}`;
    case "ngo":
    default:
      return `M${cx - r},${cy}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`;
  }
}

export const SERIES_COLORS: Record<ProducerType, string> = {
  government: "var(--official)",
  ngo: "var(--independent)",
  academic: "var(--academic)",
  media: "var(--media)",
  intergovernmental: "var(--intergovernmental)",
};

/** Official series are dashed; independent ones solid. */
export const SERIES_DASH: Record<ProducerType, string | undefined> = {
  government: "6 4",
  ngo: undefined,
  academic: undefined,
  media: undefined,
  intergovernmental: undefined,
};
