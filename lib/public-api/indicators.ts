import { getDb } from "../db/client";

export async function listApiIndicators() {
  const rows = await getDb().indicator.findMany({
    select: { slug: true, nameEs: true, nameEn: true, unit: true, unitEs: true, theme: true, valueKind: true },
    orderBy: [{ sortOrder: "asc" }, { slug: "asc" }],
  });
  return rows.map((row) => ({
    slug: row.slug,
    name: { es: row.nameEs, en: row.nameEn },
    unit: row.unit,
    unitEs: row.unitEs,
    theme: row.theme,
    valueKind: row.valueKind,
  }));
}

export async function getApiIndicator(slug: string) {
  const row = await getDb().indicator.findUnique({
    where: { slug },
    select: {
      slug: true,
      nameEs: true,
      nameEn: true,
      descriptionEs: true,
      descriptionEn: true,
      unit: true,
      unitEs: true,
      theme: true,
      valueKind: true,
      framings: {
        orderBy: { sortOrder: "asc" },
        select: {
          summaryEs: true,
          summaryEn: true,
          producer: { select: { name: true, type: true } },
          source: { select: { url: true, publisher: true } },
        },
      },
    },
  });
  if (!row) return null;
  return {
    slug: row.slug,
    name: { es: row.nameEs, en: row.nameEn },
    description: { es: row.descriptionEs, en: row.descriptionEn },
    unit: row.unit,
    unitEs: row.unitEs,
    theme: row.theme,
    valueKind: row.valueKind,
    framings: row.framings.map((framing) => ({
      producer: framing.producer,
      summary: { es: framing.summaryEs, en: framing.summaryEn },
      source: framing.source,
    })),
  };
}
