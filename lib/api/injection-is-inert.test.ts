import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { renderAtomFeed } from "../changes/atom";
import { buildChangeFeed } from "../changes/feed";
import { TEMPLATE_CSV } from "../csv-import/fields";
import { embedIframe } from "../public-api/oembed";
import { neutralizeCell, toCsv } from "../public-api/csv";
import { observationsCsv } from "../public-api/observations-csv";
import type { ApiObservation } from "../observations/shapes";
import type { PublicChange } from "../changes/public-change-shapes";
import { FORMULA_PAYLOADS, SCRIPT_PAYLOADS, SQL_PAYLOADS } from "../../testing/hostile-inputs";

// Issue #7: script, HTML and SVG payloads in any text end up as text in the feed, the CSV exports
// and the embed code; cells a spreadsheet would run as formulas are neutralised.

const PAYLOADS = [...SCRIPT_PAYLOADS, ...SQL_PAYLOADS, ...FORMULA_PAYLOADS];
const payload = (i: number) => PAYLOADS[i % PAYLOADS.length]!;

describe("the Atom feed", () => {
  const t = (key: string, values?: Record<string, string>) => (values ? `${key}(${Object.values(values).join("|")})` : key);
  const figure = (i: number) => ({
    value: "120",
    valueMax: null,
    qualifier: "exact" as const,
    asOf: "2024-01-01",
    datePrecision: "year" as const,
    producer: { name: payload(i), type: "ngo" as const },
    sourceUrl: `https://example.org/r?q=${encodeURIComponent(payload(i + 1))}&x=<y>`,
  });
  const changes: PublicChange[] = PAYLOADS.map((_, i) => ({
    id: `c${i}`,
    action: i % 2 ? "observation.corrected" : "observation.retracted",
    createdAt: "2025-03-02T10:00:00.000Z",
    reason: payload(i + 2),
    reviewer: payload(i + 3),
    indicatorSlug: "synthetic",
    before: figure(i),
    after: figure(i + 4),
  }));
  const xml = renderAtomFeed(
    buildChangeFeed({
      changes,
      indicatorNames: new Map([["synthetic", SCRIPT_PAYLOADS.join(" ")]]),
      locale: "en",
      origin: "https://contraste.example",
      t,
    }),
  );

  it("carries every payload as escaped text, never as markup", () => {
    // The only elements are Atom's own.
    const elements = new Set([...xml.matchAll(/<\/?([A-Za-z][\w:-]*)/g)].map((match) => match[1]));
    expect([...elements].sort()).toEqual(["author", "entry", "feed", "id", "link", "name", "published", "summary", "title", "updated"]);
    for (const attack of ["<script", "<img", "<svg", "<iframe", "<x:script"]) expect(xml).not.toContain(attack);
    expect(xml).toContain("&lt;script&gt;window.__pwned=1&lt;/script&gt;");
    expect(xml).toContain("&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;");
    expect(xml).toContain("]]&gt;&lt;x:script&gt;");
    // Every & starts an entity: no stray ampersand can open one of its own.
    expect(xml).not.toMatch(/&(?!amp;|lt;|gt;|quot;|apos;)/);
  });

  it("keeps SQL metacharacters as they were written", () => {
    expect(xml).toContain("&apos;; DROP TABLE &quot;Observation&quot;; --");
    for (const text of ["\\", "$1", "%_%", "$$; DELETE FROM &quot;User&quot;; $$"]) expect(xml).toContain(text);
  });
});

describe("CSV exports", () => {
  it("neutralise every cell a spreadsheet would run, whatever starts it", () => {
    // Spreadsheets skip leading blanks and invisible characters, and read full-width signs as formula signs.
    for (const formula of [
      ...FORMULA_PAYLOADS,
      "=1+1",
      "+A1",
      "-A1",
      "@A1",
      "\t=1",
      "\r=1",
      "-1e5",
      "=-1",
      "+",
      "-",
      "@",
      " =1",
      "\u200B=1",
      "\uFEFF@A1",
      "＝1+1",
      "＠A1",
    ]) {
      expect(String(neutralizeCell(formula)).startsWith("'"), formula).toBe(true);
    }
    for (const number of ["-5", "-5.25", "0", "12", "-0.5"]) expect(neutralizeCell(number)).toBe(number);
    for (const text of ["Cristosal", " 1=1", "'=1", "1=1"]) expect(neutralizeCell(text)).toBe(text);
  });

  it("write the observations export with formulas defused and markup as plain text", () => {
    const observation = (i: number): ApiObservation => ({
      id: `o${i}`,
      indicator: "synthetic",
      value: "\u0000decimal:-12.5",
      valueMax: null,
      qualifier: "exact",
      asOf: "2024-01-01",
      datePrecision: "year",
      producer: { name: payload(i), type: "ngo" },
      source: {
        url: "https://example.org/r",
        publisher: payload(i + 1),
        publishedAt: null,
        retrievedAt: null,
        class: "press",
        archivedUrl: null,
        brokenSince: null,
      },
      attribution: payload(i + 2),
      note: { en: payload(i + 3), es: payload(i + 4) },
      status: "published",
      retractionReason: null,
      version: 2,
      updatedAt: "2025-01-01T00:00:00.000Z",
    });
    const csv = observationsCsv(
      '=HYPERLINK("http://evil.example")',
      PAYLOADS.map((_, i) => observation(i)),
    );
    const [header, ...rows] = parse(csv, { relax_column_count: false }) as string[][];
    expect(rows).toHaveLength(PAYLOADS.length);
    for (const row of rows) {
      for (const cell of row) {
        const number = /^-?\d+(\.\d+)?$/.test(cell);
        expect(number || !/^[=+\-@\t\r]/.test(cell), `cell ${JSON.stringify(cell)}`).toBe(true);
      }
    }
    const producer = header!.indexOf("producer");
    expect(rows.map((row) => row[producer])).toEqual(PAYLOADS.map((text) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text)));
    // Numbers stay numbers a spreadsheet can add up.
    expect(rows[0]![header!.indexOf("value")]).toBe("-12.5");
  });

  it("quote markup and separators without changing them", () => {
    const csv = toCsv(["a"], [[SCRIPT_PAYLOADS[1]], ['a,"b"\r\nc']]);
    expect(parse(csv, { columns: true })).toEqual([{ a: SCRIPT_PAYLOADS[1] }, { a: 'a,"b"\r\nc' }]);
  });

  it("offer an import template no spreadsheet runs", () => {
    const cells = (parse(TEMPLATE_CSV) as string[][]).flat();
    expect(cells.filter((cell) => /^[=+\-@\t\r]/.test(cell) && !/^-?\d+(\.\d+)?$/.test(cell))).toEqual([]);
  });
});

describe("the embed code", () => {
  it("puts titles and addresses in attributes that cannot be closed", () => {
    const code = embedIframe(
      `https://contraste.example/en/embed/x?from="><script>window.__pwned=1</script>`,
      SCRIPT_PAYLOADS.join(" "),
      800,
      620,
    );
    expect(code.match(/</g)).toHaveLength(2); // <iframe ...></iframe>, nothing else opens a tag
    expect(code).toMatch(/^<iframe src="[^"]*" title="[^"]*" width="800" height="620" style="[^"]*" loading="lazy"><\/iframe>$/);
    // Inside a double-quoted attribute only " and & matter; < is escaped too, for good measure.
    expect(code).toContain("&quot;>&lt;script>window.__pwned=1&lt;/script>");
  });
});
