// Approximate text metrics for laying out the chart's labels on the server, where no font can be
// measured. The widths are deliberately generous (DejaVu Sans, the widest common sans-serif fallback,
// is the reference) so a label placed by them never runs into its neighbour in any sans-serif font.

const NARROW = new Set([..."iIjl.,;:'|!`"]);
const SEMI = new Set([...'ftr ()[]-/"*']);
const WIDE = new Set([..."mwMW@%"]);

function charWidth(char: string): number {
  if (NARROW.has(char)) return 0.32;
  if (SEMI.has(char)) return 0.43;
  if (WIDE.has(char)) return 0.96;
  if (char >= "0" && char <= "9") return 0.65;
  if (char !== char.toLowerCase()) return 0.74;
  return 0.6;
}

/** Width of a line of text in the units of its font size (fontSize 13 → multiply by 13). */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let width = 0;
  for (const char of text) width += charWidth(char);
  return width * fontSize * (bold ? 1.2 : 1);
}

/** What a browser's getBBox() covers around a baseline: the font's ascent and descent. */
export const ASCENT = 0.95;
export const DESCENT = 0.27;
/** Baseline to baseline for stacked lines, leaving a gap between their boxes. */
export const LINE_HEIGHT = 1.32;

export type Box = { x1: number; y1: number; x2: number; y2: number };

export type TextAnchor = "start" | "middle" | "end";

/** One line of text the chart draws: what it says, where its baseline sits, and the box it covers. */
export type TextLine = {
  text: string;
  x: number;
  y: number;
  anchor: TextAnchor;
  fontSize: number;
  bold: boolean;
  box: Box;
};

export function textLine(text: string, x: number, y: number, fontSize: number, anchor: TextAnchor = "start", bold = false): TextLine {
  const width = textWidth(text, fontSize, bold);
  const x1 = anchor === "start" ? x : anchor === "middle" ? x - width / 2 : x - width;
  return { text, x, y, anchor, fontSize, bold, box: { x1, y1: y - ASCENT * fontSize, x2: x1 + width, y2: y + DESCENT * fontSize } };
}

/** The longest start of `text` that fits `maxWidth`, ending in an ellipsis when something was cut. */
export function truncate(text: string, maxWidth: number, fontSize: number, bold = false): string {
  if (textWidth(text, fontSize, bold) <= maxWidth) return text;
  const chars = [...text];
  while (chars.length && textWidth(`${chars.join("").trimEnd()}…`, fontSize, bold) > maxWidth) chars.pop();
  return `${chars.join("").trimEnd()}…`;
}

/** A word wider than a line (an address) broken after its slashes, or anywhere if it must. */
function breakWord(word: string, maxWidth: number, fontSize: number, bold: boolean): string[] {
  if (textWidth(word, fontSize, bold) <= maxWidth) return [word];
  const pieces: string[] = [];
  let current = "";
  for (const part of word.split(/(?<=\/)/)) {
    for (const char of textWidth(part, fontSize, bold) <= maxWidth ? [part] : [...part]) {
      if (current && textWidth(current + char, fontSize, bold) > maxWidth) {
        pieces.push(current);
        current = "";
      }
      current += char;
    }
  }
  if (current) pieces.push(current);
  return pieces;
}

/** Words broken into lines no wider than `maxWidth`; beyond `maxLines` the last line ends in an ellipsis. */
export function wrap(text: string, maxWidth: number, fontSize: number, maxLines: number, bold = false): string[] {
  const words = text
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((word) => breakWord(word, maxWidth, fontSize, bold));
  const lines: string[] = [];
  let current = "";
  for (const word of words) {
    const candidate = current ? `${current} ${word}` : word;
    if (!current || textWidth(candidate, fontSize, bold) <= maxWidth) current = candidate;
    else {
      lines.push(current);
      current = word;
    }
  }
  if (current) lines.push(current);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = truncate(`${kept[maxLines - 1]} ${lines.slice(maxLines).join(" ")}`, maxWidth, fontSize, bold);
    return kept.map((line) => truncate(line, maxWidth, fontSize, bold));
  }
  return lines.map((line) => truncate(line, maxWidth, fontSize, bold));
}

export const overlaps = (a: Box, b: Box, gap = 0) => a.x1 < b.x2 + gap && b.x1 < a.x2 + gap && a.y1 < b.y2 + gap && b.y1 < a.y2 + gap;

/** Centre positions for labels of height `height` near their wanted positions, none closer than `height`, all within [min, max]. */
export function spreadApart(wanted: number[], height: number, min: number, max: number): number[] {
  const order = wanted.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
  const placed = order.map(({ value }) => Math.min(Math.max(value, min), max));
  for (let i = 1; i < placed.length; i++) placed[i] = Math.max(placed[i]!, placed[i - 1]! + height);
  if (placed.length && placed.at(-1)! > max) {
    placed[placed.length - 1] = max;
    for (let i = placed.length - 2; i >= 0; i--) placed[i] = Math.min(placed[i]!, placed[i + 1]! - height);
  }
  const result = new Array<number>(wanted.length);
  order.forEach(({ index }, i) => (result[index] = placed[i]!));
  return result;
}

/**
 * Like wrap, for "a · b · c" lines whose end matters most (a source line: producers · page · accessed on):
 * when it is too long, the first part is shortened, with an ellipsis, and the rest is kept whole.
 */
export function wrapKeepingTail(text: string, maxWidth: number, fontSize: number, maxLines: number): string[] {
  const fits = (candidate: string) => {
    const lines = wrap(candidate, maxWidth, fontSize, maxLines + 1);
    return lines.length <= maxLines && !lines.some((line) => line.endsWith("…") && !candidate.includes(line));
  };
  if (fits(text)) return wrap(text, maxWidth, fontSize, maxLines);
  const [head = "", ...tail] = text.split(" · ");
  const words = head.split(/\s+/);
  while (words.length > 1) {
    words.pop();
    const candidate = [`${words.join(" ").replace(/[,;:]$/, "")}…`, ...tail].join(" · ");
    if (fits(candidate)) return wrap(candidate, maxWidth, fontSize, maxLines);
  }
  return wrap(text, maxWidth, fontSize, maxLines);
}
