"use client";

import { useSyncExternalStore } from "react";

// The chart files: the SVG is a plain link to the chart's own standalone drawing
// (/{locale}/indicators/{slug}/chart.svg, key, unit, title and source line included), so it downloads
// without JavaScript; with JavaScript it follows the reader's colour scheme, and the PNG is that same
// SVG drawn at twice its size on an opaque canvas.

type Props = { chartUrl: string; fileName: string; labels: { svg: string; png: string } };

const DARK = "(prefers-color-scheme: dark)";
const noSubscription = () => () => {};

function subscribeToScheme(onChange: () => void) {
  const query = window.matchMedia(DARK);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}

/** The chart file's address in a theme (light is the default the server-rendered link carries). */
export function chartFileUrl(chartUrl: string, theme: "light" | "dark"): string {
  const url = new URL(chartUrl, "http://x.invalid");
  if (theme === "dark") url.searchParams.set("theme", "dark");
  else url.searchParams.delete("theme");
  return chartUrl.startsWith("/") ? `${url.pathname}${url.search}` : url.href;
}

function download(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement("a"), { href: url, download: name });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

async function drawPng(svgUrl: string): Promise<Blob> {
  const response = await fetch(svgUrl);
  if (!response.ok) throw new Error(`chart file: ${response.status}`);
  const svgText = await response.text();
  const background = /<rect class="chart-background"[^>]*fill="([^"]+)"/.exec(svgText)?.[1] ?? "#ffffff";
  const image = new Image();
  const source = URL.createObjectURL(new Blob([svgText], { type: "image/svg+xml" }));
  try {
    image.src = source;
    await image.decode();
  } finally {
    URL.revokeObjectURL(source);
  }
  const scale = 2;
  const canvas = Object.assign(document.createElement("canvas"), { width: image.width * scale, height: image.height * scale });
  const context = canvas.getContext("2d")!;
  // Opaque in the theme's own background, whatever the viewer puts behind a PNG.
  context.fillStyle = background;
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("PNG"))), "image/png"));
}

export function ChartExport({ chartUrl, fileName, labels }: Props) {
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const dark = useSyncExternalStore(
    subscribeToScheme,
    () => window.matchMedia(DARK).matches,
    () => false,
  );
  const theme = dark ? "dark" : "light";
  const svgUrl = chartFileUrl(chartUrl, theme);
  const suffix = dark ? "-dark" : "";
  return (
    <>
      <a href={svgUrl} download={`${fileName}${suffix}.svg`} data-testid="export-svg">
        {labels.svg}
      </a>
      {/* Drawing a PNG needs a canvas: without JavaScript there is only the SVG. */}
      {hydrated ? (
        <button
          type="button"
          className="link-button"
          onClick={async () => download(await drawPng(svgUrl), `${fileName}${suffix}.png`)}
          data-testid="export-png"
        >
          {labels.png}
        </button>
      ) : null}
    </>
  );
}
