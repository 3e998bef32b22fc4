import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { SourceClass } from "@/lib/schemas/enums";
import en from "@/lib/i18n/messages/en/sourceTrust.json";
import es from "@/lib/i18n/messages/es/sourceTrust.json";
import { SourceLink, sourceLinkText, type LinkedSource } from "./SourceLink";

const words = (messages: typeof en) =>
  sourceLinkText({
    classLabel: { primary: messages.marker.primary, press: messages.marker.press, secondary: messages.marker.secondary },
    secondaryNote: messages.marker.secondaryNote,
    archivedCopy: messages.link.archivedCopy,
    brokenSince: messages.link.brokenSince,
  });

// No DOM in these tests: the markup is read as text, through the attributes the page's CSS and journeys use.
const render = (source: Partial<LinkedSource> & { class: SourceClass }, messages = en) =>
  renderToStaticMarkup(
    <SourceLink
      source={{ url: "https://example.org/report", archivedUrl: null, brokenSince: null, ...source }}
      text={words(messages)}
      formatDay={(day: string) => `«${day}»`}
    >
      Example report
    </SourceLink>,
  );
const textOf = (html: string) => html.replace(/<[^>]+>/g, "");
const links = (html: string) => [...html.matchAll(/<a [^>]*href="([^"]+)"[^>]*>(.*?)<\/a>/g)].map(([, href, text]) => ({ href, text }));

describe("SourceLink", () => {
  it("labels a primary and a press source quietly, beside the link", () => {
    for (const [sourceClass, label] of [
      ["primary", "primary source"],
      ["press", "press"],
    ] as const) {
      const html = render({ class: sourceClass });
      expect(links(html)).toEqual([{ href: "https://example.org/report", text: "Example report" }]);
      expect(html).toMatch(new RegExp(`<span [^>]*data-class="${sourceClass}"[^>]*>${label}</span>`));
      expect(html).not.toContain("<button");
      expect(html).not.toContain("popover");
      expect(textOf(html)).not.toContain("aggregator");
    }
  });

  it("marks a secondary source with a label whose full sentence is its name and opens on a tap", () => {
    const html = render({ class: "secondary" }, es);
    const button = html.match(/<button [^>]*>.*?<\/button>/)![0];
    expect(button).toContain('data-class="secondary"');
    expect(textOf(button)).toBe("vía agregador");
    expect(button).toContain('aria-label="Vía agregador; el original no estaba disponible."');
    const target = button.match(/popovertarget="([^"]+)"/i)![1];
    const note = html.match(/<span popover="auto" id="([^"]+)"[^>]*>(.*?)<\/span>/)!;
    expect(note[1]).toBe(target);
    expect(note[2]).toBe("Vía agregador; el original no estaba disponible.");
  });

  it("offers the archived copy of a broken link, with the day it broke", () => {
    const html = render({
      class: "press",
      brokenSince: "2026-11-02",
      archivedUrl: "https://web.archive.org/web/2024/https://example.org/report",
    });
    expect(links(html)).toEqual([
      { href: "https://example.org/report", text: "Example report" },
      { href: "https://web.archive.org/web/2024/https://example.org/report", text: "archived copy" },
    ]);
    expect(textOf(html)).toContain("link broken since «2026-11-02»");
  });

  it("says since when a link is broken when there is no archived copy", () => {
    const html = render({ class: "primary", brokenSince: "2026-11-02" }, es);
    expect(links(html)).toHaveLength(1);
    expect(textOf(html)).toContain("enlace roto desde el «2026-11-02»");
    expect(html).toContain('data-link-broken=""');
  });

  it("says nothing about the link's health while it works", () => {
    const html = render({ class: "primary", archivedUrl: "https://web.archive.org/web/2024/x" });
    expect(links(html)).toHaveLength(1);
    expect(textOf(html)).not.toContain("broken");
    expect(html).not.toContain("data-link-broken");
  });
});
