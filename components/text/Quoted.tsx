import { Fragment, type ReactNode } from "react";
import { langUnlessPage, type TextInLanguage } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";

/**
 * Data quoted as stored — a producer's name, a publisher, a source's title — and not the site's own words:
 * marked data-quoted, so it is told apart from the interface (which speaks the page's language).
 */
export function Quoted({ children }: { children: ReactNode }) {
  return <span data-quoted="">{children}</span>;
}

/** A stored text in the reader's language, or in the other one marked with its lang (see localizedOrOther). */
export function InLanguage({ text, locale }: { text: TextInLanguage; locale: Locale }) {
  return <span lang={langUnlessPage(text, locale)}>{text.text}</span>;
}

// Characters of Unicode's private use area: never in a message, so they delimit the values put in.
const OPEN = "\uE000";
const CLOSE = "\uE001";

/**
 * A translated sentence with stored data put in, each value marked as quoted:
 * withQuoted((values) => t("gapLine", { ...values, gap }), { independent: "WOLA", official: "…" }).
 */
export function withQuoted(sentence: (values: Record<string, string>) => string, quoted: Record<string, string>): ReactNode {
  const names = Object.keys(quoted);
  const text = sentence(Object.fromEntries(names.map((name, index) => [name, `${OPEN}${index}${CLOSE}`])));
  return text
    .split(new RegExp(`${OPEN}(\\d+)${CLOSE}`))
    .map((part, index) =>
      index % 2 ? <Quoted key={index}>{quoted[names[Number(part)]!]}</Quoted> : <Fragment key={index}>{part}</Fragment>,
    );
}

/**
 * A sentence written from data (a chart's text alternative) with the stored names in it marked as
 * quoted: quoteNames("… (2025, Villatoro, Gobierno)", ["Villatoro"]). Longer names are matched first, so
 * a name inside another is not split out of it.
 */
export function quoteNames(text: string, names: readonly string[]): ReactNode {
  const distinct = [...new Set(names.filter(Boolean))].sort((a, b) => b.length - a.length);
  if (!distinct.length) return text;
  const pattern = new RegExp(`(${distinct.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})`);
  return text
    .split(pattern)
    .map((part, index) => (index % 2 ? <Quoted key={index}>{part}</Quoted> : <Fragment key={index}>{part}</Fragment>));
}
