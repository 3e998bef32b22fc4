import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { InLanguage, withQuoted } from "./Quoted";

describe("withQuoted", () => {
  it("marks each value put into a translated sentence as quoted data, and only them", () => {
    const html = renderToStaticMarkup(
      createElement(
        "p",
        null,
        withQuoted((v) => `${v.independent} frente a ${v.official}: +3`, { independent: "WOLA", official: "Government of El Salvador" }),
      ),
    );
    expect(html).toBe('<p><span data-quoted="">WOLA</span> frente a <span data-quoted="">Government of El Salvador</span>: +3</p>');
  });

  it("escapes the data it quotes", () => {
    const html = renderToStaticMarkup(
      createElement(
        "p",
        null,
        withQuoted((v) => `de ${v.name}`, { name: "<script>x</script>" }),
      ),
    );
    expect(html).toBe('<p>de <span data-quoted="">&lt;script&gt;x&lt;/script&gt;</span></p>');
  });
});

describe("InLanguage", () => {
  it("marks a text in another language than the page's with its lang, and leaves the page's own unmarked", () => {
    expect(renderToStaticMarkup(createElement(InLanguage, { text: { text: "Official figure", lang: "en" }, locale: "es" }))).toBe(
      '<span lang="en">Official figure</span>',
    );
    expect(renderToStaticMarkup(createElement(InLanguage, { text: { text: "Cifra oficial", lang: "es" }, locale: "es" }))).toBe(
      "<span>Cifra oficial</span>",
    );
  });
});
