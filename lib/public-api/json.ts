// Figures are exact decimals. JSON.stringify would route them through a double; instead the
// stored decimal text is written into the JSON as a number literal, digit for digit.
const MARK = "\u0000decimal:";

export function exactNumber(decimalText: string): string {
  if (!/^-?\d+(\.\d+)?$/.test(decimalText)) throw new Error(`not a decimal: ${decimalText}`);
  return `${MARK}${decimalText}`;
}

export function stringifyWithExactNumbers(payload: unknown): string {
  return JSON.stringify(payload).replace(/"\\u0000decimal:(-?\d+(?:\.\d+)?)"/g, "$1");
}
