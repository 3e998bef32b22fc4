import { createNavigation } from "next-intl/navigation";
import { describe, expect, it } from "vitest";
import { getPathname, type Href } from "./navigation";
import { LOCALES, routing } from "./routing";

// next-intl's own path builder, which the editor's Link (./editor-navigation.ts) and the middleware follow.
const nextIntl = createNavigation(routing);

const HREFS: Href[] = [
  "/",
  "/?page=2",
  "/indicators/homicide_rate",
  "/indicators/homicide_rate?page=2#table",
  "/editor/review",
  { pathname: "/" },
  { pathname: "/events", query: { indicator: "homicide_rate" } },
  { pathname: "/editor/sign-in", query: { next: "/es/editor/review?batch=a b&c=d" } },
  { pathname: "/editor/observations", query: { source: "s1", page: 2, mine: true } },
  { pathname: "/sources", query: { producer: ["a", "b"] } },
  "https://example.org/elsewhere",
  "mailto:team@example.org",
  "#content",
];

describe("getPathname", () => {
  it.each(LOCALES)("writes every %s path as next-intl does", (locale) => {
    for (const href of HREFS) expect(getPathname({ href, locale }), JSON.stringify(href)).toBe(nextIntl.getPathname({ href, locale }));
  });

  it("puts the locale first and leaves no trailing slash on the overview", () => {
    expect(getPathname({ href: "/", locale: "es" })).toBe("/es");
    expect(getPathname({ href: "/indicators/homicide_rate", locale: "en" })).toBe("/en/indicators/homicide_rate");
    expect(getPathname({ href: { pathname: "/events", query: { indicator: "homicide_rate" } }, locale: "es" })).toBe(
      "/es/events?indicator=homicide_rate",
    );
  });
});
