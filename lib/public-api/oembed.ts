import { isLocale } from "../i18n/routing";
import { INDICATOR_SLUG_SOURCE } from "../schemas/enums";

export const EMBED_WIDTH = 800;
/** Only where the chart is unknown: an indicator's embed is as tall as its chart needs (components/embed/embed-size.ts). */
export const EMBED_HEIGHT = 620;

/** Reads an indicator page address of this site: /{locale}/indicators/{slug}?state. Null if it is not one. */
export function parseIndicatorUrl(address: string, origin: string): { locale: "es" | "en"; slug: string; search: string } | null {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return null;
  }
  if (url.origin !== origin) return null;
  const match = new RegExp(`^/(es|en)/(?:indicators|embed)/${INDICATOR_SLUG_SOURCE}/?$`).exec(url.pathname);
  if (!match || !isLocale(match[1]!)) return null;
  return { locale: match[1] as "es" | "en", slug: match[2]!, search: url.search };
}

const escapeAttribute = (text: string) => text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

export function embedIframe(src: string, title: string, width: number, height: number): string {
  return `<iframe src="${escapeAttribute(src)}" title="${escapeAttribute(title)}" width="${width}" height="${height}" style="border:0;width:100%;max-width:${width}px" loading="lazy"></iframe>`;
}
