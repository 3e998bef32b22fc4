// The chart's colours in each theme, for drawings that leave the page (downloads, the PNG), where the
// page's CSS variables do not travel. Keep in sync with the custom properties in app/globals.css
// (palette.test.ts compares the two).

export const THEMES = ["light", "dark"] as const;
export type Theme = (typeof THEMES)[number];

export const PALETTE = {
  light: {
    fg: "#1a1a1a",
    muted: "#555555",
    bg: "#ffffff",
    panel: "#f4f4f2",
    border: "#c8c8c4",
    grid: "#e2e2de",
    link: "#0b57a4",
    official: "#b3261e",
    independent: "#1f5fa8",
    academic: "#2e7d32",
    media: "#8a5300",
    intergovernmental: "#6a3d9a",
    event: "#5c5c5c",
    "event-band": "rgba(90, 90, 90, 0.1)",
  },
  dark: {
    fg: "#ececec",
    muted: "#b8b8b8",
    bg: "#121212",
    panel: "#1e1e1e",
    border: "#444444",
    grid: "#2c2c2c",
    link: "#8ab4f8",
    official: "#ff8a80",
    independent: "#82b1ff",
    academic: "#81c784",
    media: "#ffb74d",
    intergovernmental: "#ce93d8",
    event: "#b0b0b0",
    "event-band": "rgba(200, 200, 200, 0.12)",
  },
} as const satisfies Record<Theme, Record<string, string>>;
