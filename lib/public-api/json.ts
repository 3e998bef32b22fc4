// Figures are exact decimals. Where a double holds the stored decimal digit for digit (String(Number(x))
// gives it back: nearly every figure), the API writes the number itself. Otherwise JSON.stringify would
// round it, so the stored text is marked and written into the JSON as a number literal, digit for digit.
const MARK = "\u0000decimal:";
const ESCAPED_MARK = '"\\u0000decimal:';
const DECIMAL = /^-?\d+(\.\d+)?$/;

/** A stored decimal as the API writes it: a number, or text marked for stringifyWithExactNumbers. */
export type ExactNumber = number | string;

export function exactNumber(decimalText: string): ExactNumber {
  if (!DECIMAL.test(decimalText)) throw new Error(`not a decimal: ${decimalText}`);
  const number = Number(decimalText);
  return String(number) === decimalText ? number : `${MARK}${decimalText}`;
}

/** The stored decimal's text again (a CSV cell). */
export function decimalTextOf(value: ExactNumber): string {
  return typeof value === "number" ? String(value) : value.replace(MARK, "");
}

export function stringifyWithExactNumbers(payload: unknown): string {
  const json = JSON.stringify(payload);
  // The replacement costs more than the stringify on a page of figures: it runs only where a decimal was marked.
  return json.includes(ESCAPED_MARK) ? json.replace(/"\\u0000decimal:(-?\d+(?:\.\d+)?)"/g, "$1") : json;
}
