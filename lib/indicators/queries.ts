import { getDb } from "../db/client";
import { INDICATOR_SLUG_PATTERN } from "../schemas/enums";

export type IndicatorSummary = {
  id: string;
  slug: string;
  nameEn: string;
  nameEs: string;
  descriptionEn: string;
  descriptionEs: string;
  unit: string;
  unitEs: string | null;
  theme: string;
  valueKind: string;
};

const summarySelect = {
  id: true,
  slug: true,
  nameEn: true,
  nameEs: true,
  descriptionEn: true,
  descriptionEs: true,
  unit: true,
  unitEs: true,
  theme: true,
  valueKind: true,
} as const;

export function listIndicators(): Promise<IndicatorSummary[]> {
  return getDb().indicator.findMany({ select: summarySelect, orderBy: [{ sortOrder: "asc" }, { slug: "asc" }] });
}

/**
 * The indicator a page address names, or null. Text no slug can be is not sent to the database, which
 * would refuse some of it (U+0000) with an error rather than find nothing.
 */
export async function getIndicatorBySlug(slug: string): Promise<IndicatorSummary | null> {
  if (!INDICATOR_SLUG_PATTERN.test(slug)) return null;
  return getDb().indicator.findUnique({ where: { slug }, select: summarySelect });
}

/** The unit in the reader's language (English where no Spanish unit is recorded). */
export const unitFor = (indicator: Pick<IndicatorSummary, "unit" | "unitEs">, locale: "es" | "en") =>
  locale === "es" ? (indicator.unitEs ?? indicator.unit) : indicator.unit;
