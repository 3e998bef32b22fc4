import "server-only";
import type { z } from "zod";
import { getDb } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import { contains, listPage, type ListPage, type ListQuery } from "../reference/list-page";
import { editableRecordLoader, type Tx } from "../reference/record";
import { INDICATOR_SLUG_PATTERN } from "../schemas/enums";
import type { ZIndicatorInput } from "../schemas/reference";
import { framingApiSelect, toApiFraming } from "./framings";

// Indicators: the public pages, the API and the editor's list and form, each a select and a mapper
// built from the same fields. Their framings are in lib/indicators/framings.ts.

/** Everything an indicator says about itself, in the order its form lists it. */
const indicatorFields = {
  slug: true,
  nameEs: true,
  nameEn: true,
  descriptionEs: true,
  descriptionEn: true,
  unit: true,
  unitEs: true,
  theme: true,
  valueKind: true,
} satisfies Prisma.IndicatorSelect;

type IndicatorFields = Prisma.IndicatorGetPayload<{ select: typeof indicatorFields }>;

/** The order pages list indicators in. */
const indicatorOrder: Prisma.IndicatorOrderByWithRelationInput[] = [{ sortOrder: "asc" }, { slug: "asc" }];

// Public

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

const summarySelect = { id: true, ...indicatorFields } satisfies Prisma.IndicatorSelect;

export function listIndicators(): Promise<IndicatorSummary[]> {
  return getDb().indicator.findMany({ select: summarySelect, orderBy: indicatorOrder });
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

// API (/api/v1/indicators)

const toApiIndicator = (row: IndicatorFields) => ({
  slug: row.slug,
  name: { es: row.nameEs, en: row.nameEn },
  unit: row.unit,
  unitEs: row.unitEs,
  theme: row.theme,
  valueKind: row.valueKind,
});

export async function listApiIndicators() {
  const rows = await getDb().indicator.findMany({ select: indicatorFields, orderBy: indicatorOrder });
  return rows.map(toApiIndicator);
}

const apiIndicatorSelect = {
  ...indicatorFields,
  framings: { orderBy: { sortOrder: "asc" }, select: framingApiSelect },
} satisfies Prisma.IndicatorSelect;

/** One indicator with its descriptions and framings, or null. */
export async function getApiIndicator(slug: string) {
  const row = await getDb().indicator.findUnique({ where: { slug }, select: apiIndicatorSelect });
  if (!row) return null;
  const { slug: rowSlug, name, ...classification } = toApiIndicator(row);
  return {
    slug: rowSlug,
    name,
    description: { es: row.descriptionEs, en: row.descriptionEn },
    ...classification,
    framings: row.framings.map(toApiFraming),
  };
}

// Editor

export type IndicatorRow = { id: string; slug: string; nameEs: string; nameEn: string; theme: string };

/** The editor's list of indicators, by theme and in page order. */
export function listIndicatorsForEditor(query: ListQuery): Promise<ListPage<IndicatorRow>> {
  const where: Prisma.IndicatorWhereInput = query.q
    ? { OR: [{ slug: contains(query.q) }, { nameEs: contains(query.q) }, { nameEn: contains(query.q) }] }
    : {};
  return listPage(query, {
    count: () => getDb().indicator.count({ where }),
    rows: (window) =>
      getDb().indicator.findMany({
        where,
        select: { id: true, slug: true, nameEs: true, nameEn: true, theme: true },
        orderBy: [{ theme: "asc" }, ...indicatorOrder],
        ...window,
      }),
  });
}

/** An indicator as its edit form holds it (the schema's input), so saving an untouched form changes nothing. */
export const loadIndicator = editableRecordLoader(
  (client: Tx, id) => client.indicator.findUnique({ where: { id }, select: { id: true, version: true, ...indicatorFields } }),
  (fields): z.input<typeof ZIndicatorInput> => fields,
);

export const getIndicatorForEdit = (id: string) => loadIndicator(getDb(), id);

export type IndicatorChoice = { slug: string; nameEs: string; nameEn: string };

/** Every indicator a framing can belong to, for the framing form's select. */
export function listIndicatorChoices(): Promise<IndicatorChoice[]> {
  return getDb().indicator.findMany({ select: { slug: true, nameEs: true, nameEn: true }, orderBy: { slug: "asc" } });
}
