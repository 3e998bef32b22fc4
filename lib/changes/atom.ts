import { escapeXml } from "./xml";

// Atom 1.0 (RFC 4287): the smallest document feed readers accept. Every text goes through escapeXml.

export type AtomEntry = { id: string; title: string; updated: Date; link: string; author: string | null; summary: string };

export type AtomFeed = {
  id: string;
  title: string;
  /** The feed's own address (rel="self") and the page it mirrors (rel="alternate"). */
  selfUrl: string;
  pageUrl: string;
  language: string;
  /** Named on the feed, so entries without a known author still satisfy the spec. */
  author: string;
  updated: Date;
  entries: AtomEntry[];
};

const element = (name: string, text: string) => `<${name}>${escapeXml(text)}</${name}>`;
const link = (href: string, rel: string, type?: string) =>
  `<link rel="${rel}" href="${escapeXml(href)}"${type ? ` type="${escapeXml(type)}"` : ""}/>`;

function renderEntry(entry: AtomEntry): string {
  return [
    "<entry>",
    element("id", entry.id),
    element("title", entry.title),
    element("updated", entry.updated.toISOString()),
    element("published", entry.updated.toISOString()),
    link(entry.link, "alternate", "text/html"),
    entry.author ? `<author>${element("name", entry.author)}</author>` : "",
    `<summary type="text">${escapeXml(entry.summary)}</summary>`,
    "</entry>",
  ].join("");
}

export function renderAtomFeed(feed: AtomFeed): string {
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(feed.language)}">`,
    element("id", feed.id),
    element("title", feed.title),
    element("updated", feed.updated.toISOString()),
    link(feed.selfUrl, "self", "application/atom+xml"),
    link(feed.pageUrl, "alternate", "text/html"),
    `<author>${element("name", feed.author)}</author>`,
    ...feed.entries.map(renderEntry),
    "</feed>",
  ].join("\n");
}
