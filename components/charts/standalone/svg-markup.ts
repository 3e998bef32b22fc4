import { Fragment, isValidElement, type ReactNode } from "react";

// Writes a server-drawn SVG (a tree of plain elements and function components without hooks, like
// IndicatorChartSvg) out as markup, for files that leave the site. React's own string renderer is not
// available to route handlers; this covers what a drawing uses, and svg-markup.test.ts checks it
// against React's output.

// SVG attributes React spells in camelCase that keep their case in markup.
const CAMEL_ATTRIBUTES = new Set([
  "viewBox",
  "preserveAspectRatio",
  "gradientTransform",
  "gradientUnits",
  "patternUnits",
  "clipPathUnits",
  "markerWidth",
  "markerHeight",
  "refX",
  "refY",
  "textLength",
  "lengthAdjust",
  "stdDeviation",
]);
// Attributes a downloaded file has no use for (no focus, no events, no React bookkeeping).
const DROPPED = new Set(["children", "key", "ref", "tabIndex", "suppressHydrationWarning", "dangerouslySetInnerHTML"]);

// The same escapes React writes, in text and attribute values alike.
const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" };
const escapeText = (text: string) => text.replace(/[&<>"']/g, (character) => ESCAPES[character]!);
const escapeAttribute = escapeText;

function attributeName(name: string): string {
  if (name === "className") return "class";
  if (name === "htmlFor") return "for";
  if (name === "xlinkHref") return "xlink:href";
  if (name.startsWith("aria-") || name.startsWith("data-") || CAMEL_ATTRIBUTES.has(name)) return name;
  return name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

function styleText(style: Record<string, string | number>): string {
  return Object.entries(style)
    .filter(([, value]) => value !== null && value !== undefined && value !== "")
    .map(([property, value]) => `${property.startsWith("--") ? property : attributeName(property)}:${value}`)
    .join(";");
}

export function svgMarkup(node: ReactNode): string {
  if (node === null || node === undefined || typeof node === "boolean") return "";
  if (typeof node === "string" || typeof node === "number" || typeof node === "bigint") return escapeText(String(node));
  if (Array.isArray(node)) return node.map(svgMarkup).join("");
  if (!isValidElement(node)) throw new Error("svgMarkup: unsupported node");
  const props = node.props as Record<string, unknown> & { children?: ReactNode };
  if (node.type === Fragment) return svgMarkup(props.children);
  if (typeof node.type === "function") {
    const rendered = (node.type as (props: unknown) => ReactNode)(props);
    if (rendered instanceof Promise) throw new Error("svgMarkup: async components are not supported");
    return svgMarkup(rendered);
  }
  if (typeof node.type !== "string") throw new Error("svgMarkup: unsupported element type");
  const attributes = Object.entries(props)
    .filter(([name, value]) => !DROPPED.has(name) && !name.startsWith("on") && value !== null && value !== undefined && value !== false)
    .map(([name, value]) => {
      const text = name === "style" && typeof value === "object" ? styleText(value as Record<string, string | number>) : String(value);
      return ` ${attributeName(name)}="${escapeAttribute(value === true ? "" : text)}"`;
    })
    .join("");
  const inner = (props.dangerouslySetInnerHTML as { __html?: string } | undefined)?.__html ?? svgMarkup(props.children);
  return inner ? `<${node.type}${attributes}>${inner}</${node.type}>` : `<${node.type}${attributes}></${node.type}>`;
}
