import type { Database } from "../db/client";
import type { Prisma } from "../generated/prisma/client";
import type { ColumnMapping } from "./fields";
import type { SetAsideCode } from "./result-codes";
import { findPendingCorrections, type StoredFigure } from "./stored-matches";
import type { RowError, ValidRow } from "./validate-rows";

const SET_ASIDE_MESSAGES: Record<SetAsideCode, string> = {
  correction_pending:
    "A correction of the stored figure for this producer and period is already waiting for review; review it before importing another.",
  corrected_earlier_in_file: "An earlier row of this file already corrects the stored figure for this producer and period.",
  conflicts_with_draft:
    "A draft for this producer and period is waiting for review with another value; publish, edit or discard it before importing this row.",
  several_published: "Several published figures exist for this producer and period; correct the right one in the editor.",
};

/** A problem of a row, as the import lists it: `code` (and `values`) let the page say it in its language. */
export type RowRejection = RowError;

type FigureFacts = { value: string; valueMax: string | null; qualifier: string; sourceUrl: string; publisher: string };

/** A row of the file beside the stored figure of the same indicator, producer and period it differs from. */
export type ConflictEntry = {
  row: number;
  indicator: string;
  producer: string;
  asOf: string;
  datePrecision: string;
  outcome: "correction" | "set_aside";
  code: SetAsideCode | null;
  file: FigureFacts;
  stored: FigureFacts & { id: string; status: "draft" | "published" };
};

/** Conflicts counted in full; the first LISTED_CONFLICTS shown side by side. */
export type ConflictTally = { total: number; setAside: number; listed: ConflictEntry[] };

export const LISTED_CONFLICTS = 100;

export type ConflictOutcome = {
  toCreate: ValidRow[];
  corrections: { row: ValidRow; figureId: string }[];
  setAside: RowRejection[];
  tally: ConflictTally;
};

/**
 * Sorts the file's first occurrences of each figure (in file order) into new figures, repeats of a
 * stored figure (in no list), proposed corrections, and rows set aside:
 * - a row equal to a stored figure (as numbers) is a repeat, whatever else is stored;
 * - a row of the same indicator, producer and period as exactly one published figure, but another
 *   value, range, hedge or source, proposes a correction of it, unless a correction of that figure
 *   is already waiting (or an earlier row proposes one): then it is set aside;
 * - a row that differs from a waiting draft of that period, or from several published figures, is
 *   set aside: which figure it corrects is for a person to say.
 */
export async function classifyConflicts(
  db: Prisma.TransactionClient | Database,
  rows: ValidRow[],
  matches: Map<number, StoredFigure[]>,
  mapping: ColumnMapping,
): Promise<ConflictOutcome> {
  const publishedIds = new Set<string>();
  for (const figures of matches.values()) for (const figure of figures) if (figure.status === "published") publishedIds.add(figure.id);
  const pending = await findPendingCorrections(db, [...publishedIds]);

  const outcome: ConflictOutcome = { toCreate: [], corrections: [], setAside: [], tally: { total: 0, setAside: 0, listed: [] } };
  const claimed = new Set<string>();
  const column = mapping.value ?? "value";
  for (const row of rows) {
    const stored = matches.get(row.row) ?? [];
    if (stored.some((figure) => figure.key === row.key)) continue;
    const published = stored.filter((figure) => figure.status === "published");
    // A waiting correction of the published figure is that figure's business, not a draft of its own.
    const drafts = stored.filter((figure) => figure.status === "draft" && !published.some((p) => p.id === figure.revisionOfId));
    if (!published.length && !drafts.length) {
      outcome.toCreate.push(row);
      continue;
    }
    const compared = published[0] ?? drafts[0]!;
    let code: SetAsideCode | null = null;
    if (published.length > 1) code = "several_published";
    else if (!published.length) code = "conflicts_with_draft";
    else if (pending.has(compared.id)) code = "correction_pending";
    else if (claimed.has(compared.id)) code = "corrected_earlier_in_file";

    outcome.tally.total++;
    if (code) {
      outcome.tally.setAside++;
      outcome.setAside.push({
        row: row.row,
        column,
        message: SET_ASIDE_MESSAGES[code],
        code,
        values: { storedValue: compared.value, fileValue: row.input.value },
      });
    } else {
      claimed.add(compared.id);
      outcome.corrections.push({ row, figureId: compared.id });
    }
    if (outcome.tally.listed.length < LISTED_CONFLICTS) {
      const { input } = row;
      outcome.tally.listed.push({
        row: row.row,
        indicator: input.indicatorSlug,
        producer: input.producer.name,
        asOf: input.asOf,
        datePrecision: input.datePrecision,
        outcome: code ? "set_aside" : "correction",
        code,
        file: {
          value: input.value,
          valueMax: input.valueMax ?? null,
          qualifier: input.qualifier,
          sourceUrl: input.source.url,
          publisher: input.source.publisher,
        },
        stored: {
          id: compared.id,
          status: compared.status as "draft" | "published",
          value: compared.value,
          valueMax: compared.valueMax,
          qualifier: compared.qualifier,
          sourceUrl: compared.sourceUrl,
          publisher: compared.publisher,
        },
      });
    }
  }
  return outcome;
}
