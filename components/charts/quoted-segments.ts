/** A piece of a drawn line of text, and whether it quotes stored data (a producer's name). */
export type Segment = { text: string; quoted: boolean };

const isLetter = (char: string | undefined) => char !== undefined && /[\p{L}\p{N}]/u.test(char);

/**
 * Splits one drawn line of the chart's source line ("Fuentes: A, B, C y 2 más · …") into the site's words and
 * the producers' names it quotes, so the names can be marked as data. A name the line wraps or shortens
 * ("Security Minister…") is matched by the words it keeps: a whole-word start at the end of the line, or a
 * whole-word end at its start.
 */
export function quotedSegments(line: string, names: readonly string[]): Segment[] {
  const ranges: [number, number][] = [];
  const free = (start: number, end: number) => ranges.every(([a, b]) => end <= a || start >= b);
  const add = (start: number, end: number) => {
    if (end > start && !isLetter(line[start - 1]) && !isLetter(line[end]) && free(start, end)) ranges.push([start, end]);
  };
  const byLength = [...new Set(names)].filter(Boolean).sort((a, b) => b.length - a.length);
  for (const name of byLength) {
    for (let at = line.indexOf(name); at >= 0; at = line.indexOf(name, at + 1)) add(at, at + name.length);
  }
  for (const name of byLength) {
    const words = name.split(" ");
    for (let count = words.length - 1; count >= 1; count--) {
      const head = words.slice(0, count).join(" ");
      const tail = words.slice(words.length - count).join(" ");
      const end = line.endsWith(`${head}…`) ? line.length - 1 : line.endsWith(head) ? line.length : -1;
      if (end >= 0) add(end - head.length, end);
      if (line.startsWith(tail)) add(0, tail.length);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const segments: Segment[] = [];
  let cursor = 0;
  for (const [start, end] of ranges) {
    if (start > cursor) segments.push({ text: line.slice(cursor, start), quoted: false });
    segments.push({ text: line.slice(start, end), quoted: true });
    cursor = end;
  }
  if (cursor < line.length) segments.push({ text: line.slice(cursor), quoted: false });
  return segments;
}
