/** How the table orders a text column: by locale, a missing value as "". */
export const compareText = (a: string | null, b: string | null) => (a ?? "").localeCompare(b ?? "");
