import type { ProducerType } from "@/lib/observations/types";

/** A coordinate to a tenth of a pixel: finer steps change no pixel and only lengthen the markup. */
export const px = (value: number) => Math.round(value * 10) / 10;

// Each producer type has its own marker shape, so series differ by more than colour.
export function markerPath(type: ProducerType, x: number, y: number, r = 5): string {
  const cx = px(x);
  const cy = px(y);
  const p = (value: number) => px(value);
  switch (type) {
    case "government":
      return `M${p(cx - r)},${p(cy - r)}h${2 * r}v${2 * r}h${-2 * r}Z`;
    case "academic":
      return `M${cx},${p(cy - r * 1.2)}L${p(cx + r * 1.1)},${p(cy + r * 0.8)}L${p(cx - r * 1.1)},${p(cy + r * 0.8)}Z`;
    case "media":
      return `M${cx},${p(cy - r * 1.3)}L${p(cx + r * 1.3)},${cy}L${cx},${p(cy + r * 1.3)}L${p(cx - r * 1.3)},${cy}Z`;
    case "intergovernmental":
      return `M${p(cx - r)},${p(cy - r)}L${p(cx + r)},${p(cy + r)}M${p(cx + r)},${p(cy - r)}L${p(cx - r)},${p(cy + r)}`;
    case "ngo":
    default:
      return `M${p(cx - r)},${cy}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`;
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
