import { describe, expect, it } from "vitest";
import { renderAtomFeed } from "./atom";
import { buildChangeFeed } from "./feed";
import type { PublicChange } from "./public-change-shapes";

// A stand-in for next-intl's translator: the key, then its values.
const t = (key: string, values?: Record<string, string>) => (values ? `${key}(${Object.values(values).join("|")})` : key);

const figure = (value: string, sourceUrl: string) => ({
  value,
  valueMax: null,
  qualifier: "exact" as const,
  asOf: "2024-01-01",
  datePrecision: "year" as const,
  producer: { name: "Cristosal & Co", type: "ngo" as const },
  sourceUrl,
});

const corrected: PublicChange = {
  id: "c2",
  action: "observation.corrected",
  createdAt: "2025-03-02T10:00:00.000Z",
  reason: "Typo: <b>2.4</b> & not 2.5",
  reviewer: 'Ana "Rev" <Reviewer>',
  indicatorSlug: "homicide_rate",
  before: figure("2.4", "https://example.org/a?x=1&y=2"),
  after: figure("2.6", "https://example.org/b"),
};
const orphan: PublicChange = {
  ...corrected,
  id: "c1",
  action: "observation.published",
  reason: null,
  reviewer: null,
  indicatorSlug: null,
  before: null,
};

const feed = buildChangeFeed({
  changes: [corrected, orphan],
  indicatorNames: new Map([["homicide_rate", "Homicide rate"]]),
  locale: "en",
  origin: "https://contraste.example",
  t,
});

describe("buildChangeFeed", () => {
  it("links each entry to its indicator, or to the log when the indicator is unknown", () => {
    expect(feed.entries.map((entry) => entry.link)).toEqual([
      "https://contraste.example/en/indicators/homicide_rate",
      "https://contraste.example/en/changes#change-c1",
    ]);
    expect(feed.updated.toISOString()).toBe(corrected.createdAt);
    expect(feed.selfUrl).toBe("https://contraste.example/en/changes/feed.xml");
  });

  it("says what changed, from which source, why and who reviewed it", () => {
    const [entry] = feed.entries;
    expect(entry?.title).toBe("feedEntryTitle(actions.corrected|Homicide rate)");
    expect(entry?.author).toBe('Ana "Rev" <Reviewer>');
    expect(entry?.summary).toContain("before: 2.4 · 2024 · Cristosal & Co (NGO) · source: https://example.org/a?x=1&y=2");
    expect(entry?.summary).toContain("after: 2.6");
    expect(entry?.summary).toContain("reason: Typo: <b>2.4</b> & not 2.5");
  });

  it("names the dataset as the author of a change no reviewer signed (a dataset upgrade)", () => {
    const entry = feed.entries[1];
    expect(entry?.author).toBe("datasetActor");
    expect(entry?.summary).toContain("by(datasetActor)");
  });
});

describe("renderAtomFeed", () => {
  it("escapes every text and attribute", () => {
    const xml = renderAtomFeed(feed);
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">');
    expect(xml).toContain("<name>Ana &quot;Rev&quot; &lt;Reviewer&gt;</name>");
    expect(xml).toContain("Typo: &lt;b&gt;2.4&lt;/b&gt; &amp; not 2.5");
    expect(xml).toContain("https://example.org/a?x=1&amp;y=2");
    expect(xml).not.toMatch(/&(?!amp;|lt;|gt;|quot;|apos;)/);
    expect(xml.match(/<entry>/g)).toHaveLength(2);
    // The feed names an author, so the entry without a reviewer is still valid Atom.
    expect(xml).toContain("<author><name>Contraste</name></author>");
  });
});

describe("a reference change in the feed", () => {
  const relabelled: PublicChange = {
    id: "r1",
    action: "producer.updated",
    entityType: "producer",
    createdAt: "2025-03-03T10:00:00.000Z",
    reason: "The report names an NGO.",
    reviewer: "Ana Reviewer",
    indicatorSlug: null,
    before: { name: "Ministerio", type: "government" },
    after: { name: "Asociación Civil", type: "ngo" },
  };
  const build = (locale: "es" | "en") =>
    buildChangeFeed({ changes: [relabelled], indicatorNames: new Map(), locale, origin: "https://contraste.example", t }).entries[0]!;

  it("names the record and gives each changed field before and after, in the reader's language", () => {
    const es = build("es");
    expect(es.title).toBe("referenceEntryTitle(actions.edited|entities.producer: Asociación Civil)");
    expect(es.summary).toContain("fields.name: Ministerio → Asociación Civil");
    expect(es.summary).toContain("fields.type: Gobierno → ONG");
    expect(es.summary).toContain("reason: The report names an NGO.");
    expect(build("en").summary).toContain("fields.type: Government → NGO");
    expect(es.link).toBe("https://contraste.example/es/changes#change-r1");
  });
});
