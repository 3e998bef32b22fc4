import type { ReactElement } from "react";
import { CHART_FONT_FAMILY } from "../IndicatorChartSvg";
import { PALETTE, type Theme } from "./palette";
import { svgMarkup } from "./svg-markup";

// A chart drawn for the page, made into a file that renders the same anywhere: the page's colour
// variables written out in the chosen theme, an opaque background, a named sans-serif font, and
// its own size and namespace.

const VARIABLE = /var\(\s*--([a-z0-9-]+)\s*(?:,\s*([^()]*(?:\([^()]*\))?[^()]*))?\)/g;

/** Replaces every var(--name) with the theme's colour; an unknown name without a fallback is a bug, not a silent black. */
export function resolveVariables(markup: string, theme: Theme): string {
  const colours: Record<string, string> = PALETTE[theme];
  const resolved = markup.replace(VARIABLE, (whole, name: string, fallback: string | undefined) => {
    const colour = colours[name] ?? fallback?.trim();
    if (!colour) throw new Error(`No ${theme} colour for ${whole}`);
    return colour;
  });
  if (resolved.includes("var(")) return resolveVariables(resolved, theme);
  return resolved;
}

// Older SVG editors (Illustrator, Inkscape 0.x) do not read rgba(); a colour and its opacity do.
function splitAlpha(markup: string): string {
  return markup.replace(
    /\b(fill|stroke)="rgba\(\s*(\d+)\s*,\s*(\d+)\s*,\s*(\d+)\s*,\s*([\d.]+)\s*\)"/g,
    (_, attribute: string, r: string, g: string, b: string, alpha: string) =>
      `${attribute}="rgb(${r}, ${g}, ${b})" ${attribute}-opacity="${alpha}"`,
  );
}

export type StandaloneOptions = { theme: Theme };

/** The chart element (an <svg> with a viewBox) as a standalone SVG document in the given theme. */
export function standaloneSvg(chart: ReactElement, { theme }: StandaloneOptions): string {
  const markup = svgMarkup(chart);
  const open = /^<svg\b[^>]*>/.exec(markup);
  if (!open) throw new Error("standaloneSvg: the chart must be an <svg> element");
  const viewBox = /\bviewBox="([^"]+)"/.exec(open[0])?.[1];
  const [x = 0, y = 0, width = 0, height = 0] = (viewBox ?? "").split(/[\s,]+/).map(Number);
  if (!viewBox || !(width > 0) || !(height > 0)) throw new Error("standaloneSvg: the chart needs a viewBox");
  const kept = open[0]
    .replace(/^<svg/, "")
    .replace(/\s(?:xmlns|width|height|font-family|class|style)="[^"]*"/g, "")
    .replace(/>$/, "");
  const root =
    `<svg xmlns="http://www.w3.org/2000/svg"${kept} width="${width}" height="${height}"` +
    ` font-family="${CHART_FONT_FAMILY.replace(/"/g, "'")}">`;
  // The first thing drawn: the theme's background, so the file is never transparent under dark text.
  const background = `<rect class="chart-background" x="${x}" y="${y}" width="${width}" height="${height}" fill="${PALETTE[theme].bg}"/>`;
  const body = markup.slice(open[0].length);
  const titleAndDescription = /^(?:<title\b[^>]*>[\s\S]*?<\/title>)?(?:<desc\b[^>]*>[\s\S]*?<\/desc>)?/.exec(body)?.[0] ?? "";
  const rest = body.slice(titleAndDescription.length);
  // The chart draws its own background (var(--bg)) first; a drawing without one gets it here.
  const drawsBackground = /^<rect class="chart-background"/.test(rest);
  const document = `${root}${titleAndDescription}${drawsBackground ? "" : background}${rest}`;
  // Font stacks the drawing names itself must end in sans-serif too.
  return splitAlpha(resolveVariables(document, theme)).replace(
    /font-family="(?:inherit|serif)"/g,
    `font-family="${CHART_FONT_FAMILY.replace(/"/g, "'")}"`,
  );
}
