// The attribution readers see beside a figure says who said it and through which outlet, as the
// dataset writes it: "Cristosal (Radio YSKL)". When an editor leaves it empty it is built from the
// producer and the publisher, and it must read as one of those labels whatever the two hold: a
// publisher that already names the producer ("SJH (comunicado)") or is itself "X (Y)" is not
// wrapped again, so no suggestion nests ("SJH (SJH (comunicado))").

const squeeze = (text: string) => text.replace(/\s+/g, " ").trim();
const fold = (text: string) => squeeze(text).toLocaleLowerCase("es");

/** "Radio YSKL (programa)" → "Radio YSKL, programa": the outlet without brackets of its own. */
function withoutBrackets(text: string): string {
  return squeeze(text.replace(/\s*\(\s*/g, ", ").replace(/\s*\)\s*/g, " "))
    .replace(/(,\s*)+/g, ", ")
    .replace(/^,\s*|,\s*$/g, "");
}

/**
 * A label kept as "Who (through what)" with one pair of brackets at most: "SJH (SJH (comunicado))"
 * → "SJH (comunicado)", "A (B (C))" → "A (B, C)".
 */
function oneLevel(label: string): string {
  const match = /^([^()]+?)\s*\((.*)\)$/.exec(label);
  if (!match) return withoutBrackets(label);
  const head = squeeze(match[1] ?? "");
  let inner = withoutBrackets(match[2] ?? "");
  // The outlet repeating who said it adds nothing.
  if (fold(inner).startsWith(`${fold(head)}, `)) inner = inner.slice(head.length + 2);
  else if (fold(inner) === fold(head)) inner = "";
  return inner ? `${head} (${inner})` : head;
}

/** The attribution for a figure whose source gave none: "Producer (Publisher)", never nested. */
export function suggestAttribution(producerName: string, publisher: string | null | undefined): string {
  const producer = squeeze(producerName);
  const outlet = squeeze(publisher ?? "");
  if (!outlet) return producer;
  if (!producer) return outlet;
  // The publisher already says who (or the producer already says through whom): one of them is enough.
  if (fold(outlet).includes(fold(producer))) return oneLevel(outlet);
  if (fold(producer).includes(fold(outlet))) return oneLevel(producer);
  const inner = withoutBrackets(outlet);
  return inner ? `${producer} (${inner})` : producer;
}
