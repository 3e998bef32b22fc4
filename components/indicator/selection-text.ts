import { producerTypeLabel } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/routing";
import type { SelectionCounts } from "@/lib/observations/indicator-figures";
import { selectsEverything, type Selection } from "@/lib/observations/selection";

// As lib/i18n/format.ts formats numbers and dates: British English lists have no serial comma.
const LIST_LOCALE: Record<Locale, string> = { en: "en-GB", es: "es-ES" };

/** The "selection" messages (lib/i18n/messages), as next-intl's translator gives them. */
type Translate = (
  key: "all" | "some" | "sentence" | "between" | "since" | "until" | "noTypes",
  values?: Record<string, string | number>,
) => string;

/**
 * What a selection keeps, in one sentence: "12 of 23 figures: Academic and NGO, 2019–2024", or
 * "All 23 figures" when nothing is left out ("…, primary and press sources only" with the source filter). The page says it above the table and in the downloads.
 */
export function describeSelection(
  t: Translate,
  counts: Pick<SelectionCounts, "selected" | "total" | "types">,
  selection: Selection,
  locale: Locale,
  /** What "first-hand sources only" is called in this language (sourceTrust.filter.selectionPart). */
  firstHandOnly = "",
): string {
  if (selectsEverything(selection)) return t("all", { total: counts.total });
  const count = t("some", { selected: counts.selected, total: counts.total });
  const parts: string[] = [];
  if (selection.hidden.length) {
    parts.push(
      counts.types.length
        ? new Intl.ListFormat(LIST_LOCALE[locale], { type: "conjunction" }).format(
            counts.types.map((type) => producerTypeLabel(type, locale)),
          )
        : t("noTypes"),
    );
  }
  const { from, to } = selection;
  if (from !== null && to !== null) parts.push(from === to ? String(from) : t("between", { from: String(from), to: String(to) }));
  else if (from !== null) parts.push(t("since", { from: String(from) }));
  else if (to !== null) parts.push(t("until", { to: String(to) }));
  if (selection.sources === "firsthand" && firstHandOnly) parts.push(firstHandOnly);
  return t("sentence", { count, parts: parts.join(", ") });
}
