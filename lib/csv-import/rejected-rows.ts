import type { RowRejection } from "./conflicts";
import type { ProblemTally } from "./validate-rows";

/** A rejected row of the file and every reason it was set aside (row numbers count the header as row 1). */
export type RejectedRow = { row: number; reasons: Omit<RowRejection, "row">[] };

/**
 * The rejected rows an import of the valid rows answers, in file order: the first
 * REJECTED_ROWS_LISTED of them (validate-rows.ts), each with all its problems. The page joins them
 * to its own copy of the file to offer the rejected rows as a CSV, so their cells never travel back.
 */
export function rejectedRows(problems: ProblemTally): RejectedRow[] {
  return [...problems.rejected]
    .filter(([row]) => row > 1)
    .sort(([a], [b]) => a - b)
    .map(([row, errors]) => ({ row, reasons: errors.map(({ column, code, values, message }) => ({ column, code, values, message })) }));
}
