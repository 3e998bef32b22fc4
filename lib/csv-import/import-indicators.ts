import "server-only";
import { listIndicators, unitFor } from "../indicators/queries";
import { toCsv } from "../public-api/csv";

/** An indicator as the import page and its list name it: the slug a file writes, its name and unit in one language. */
export type ImportIndicator = { slug: string; name: string; unit: string };

export async function listImportIndicators(locale: "es" | "en"): Promise<ImportIndicator[]> {
  return (await listIndicators()).map((indicator) => ({
    slug: indicator.slug,
    name: locale === "es" ? indicator.nameEs : indicator.nameEn,
    unit: unitFor(indicator, locale),
  }));
}

/** Every indicator's slug with its names and units in both languages, the companion of the import template. */
export async function importIndicatorsCsv(): Promise<string> {
  const indicators = await listIndicators();
  return toCsv(
    ["slug", "name_es", "name_en", "unit_es", "unit_en"],
    indicators.map((indicator) => [indicator.slug, indicator.nameEs, indicator.nameEn, unitFor(indicator, "es"), indicator.unit]),
  );
}
