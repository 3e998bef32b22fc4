import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { InLanguage, quoteNames, withQuoted } from "./Quoted";

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

describe("quoteNames", () => {
  it("marks the stored names in a sentence written from data, the longest first, and leaves the site's words alone", () => {
    const html = renderToStaticMarkup(
      createElement(
        "p",
        null,
        quoteNames("Bajaron de 103 (2015, Policía Nacional Civil, Gobierno) a 4,5 (2023, Giles (FP), Medios).", [
          "Policía Nacional Civil",
          "Giles",
          "Giles (FP)",
        ]),
      ),
    );
    expect(html).toBe(
      '<p>Bajaron de 103 (2015, <span data-quoted="">Policía Nacional Civil</span>, Gobierno) a 4,5 (2023, <span data-quoted="">Giles (FP)</span>, Medios).</p>',
    );
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
