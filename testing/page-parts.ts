// What a page's HTML is made of, for the page-weight benchmark (scripts/bench/sections/page-bytes.ts)
// and the weight journey (e2e/pages-stay-light.spec.ts).

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/g;
const STYLE = /<style\b[^>]*>[\s\S]*?<\/style>/g;
const bytes = (text: string) => Buffer.byteLength(text);

export type HtmlParts = {
  total: number;
  visible: number;
  rscPayload: number;
  inlinedCss: number;
  otherScripts: number;
  scriptSources: string[];
};

/** Splits a page's HTML into the reader's markup, the RSC payload (`self.__next_f.push` scripts), inlined CSS and other scripts. */
export function splitHtml(html: string): HtmlParts {
  let rscPayload = 0;
  let otherScripts = 0;
  const scriptSources: string[] = [];
  for (const [whole, attributes = "", body = ""] of html.matchAll(SCRIPT)) {
    if (body.includes("self.__next_f")) rscPayload += bytes(whole);
    else otherScripts += bytes(whole);
    const source = /\bsrc="([^"]+)"/.exec(attributes)?.[1];
    // Browsers that run modules skip noModule scripts (the polyfills): a first view does not download them.
    if (source && !/\bnoModule\b/i.test(attributes)) scriptSources.push(source);
  }
  const inlinedCss = [...html.matchAll(STYLE)].reduce((sum, [whole]) => sum + bytes(whole), 0);
  const visible = bytes(html.replace(SCRIPT, "").replace(STYLE, ""));
  return { total: bytes(html), visible, rscPayload, inlinedCss, otherScripts, scriptSources };
}
