import { z } from "zod";
import { ZSourceClass } from "../schemas/enums";
import { domainOf, normalizeDomain } from "./source-domains";

// What an admin sends to the domain table, checked alike by the page's forms and the routes. The
// domain is text here: lib/sources/domain-table.ts reads it as a host (parseDomain) and answers
// `invalid_domain` for anything else, so the one refusal has one code and one sentence.

const note = z
  .string()
  .trim()
  .max(500)
  .nullish()
  .transform((value) => value || null);

export const ZSourceDomainInput = z.object({
  domain: z.string().trim().min(1, "Write a domain such as elfaro.net.").max(300),
  sourceClass: ZSourceClass,
  note,
});
export type SourceDomainInput = z.infer<typeof ZSourceDomainInput>;

/** An edit of one row: its class and its note (the domain is the row's name; a new name is a new row). */
export const ZSourceDomainChange = z.object({ sourceClass: ZSourceClass, note });
export type SourceDomainChange = z.infer<typeof ZSourceDomainChange>;

// Labels of letters, digits and inner hyphens, at least two of them, the last not all digits (no IP).
const HOST = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?|xn--[a-z0-9-]{1,59})$/;

/**
 * The host as the table stores it ("https://www.ElFaro.net/x" → "elfaro.net", "ñandú.sv" →
 * "xn--and-6ma2c.sv"), or null for text that names no host: a path without a scheme, spaces, a port,
 * a single label, an IP address.
 */
export function parseDomain(text: string): string | null {
  const normalized = normalizeDomain(text);
  // Non-ASCII names are stored as browsers resolve them (punycode), which is what domainOf gives a URL.
  const host = /^[\x00-\x7f]*$/.test(normalized) ? normalized : /^[^/?#:@\s]+$/.test(normalized) ? domainOf(`http://${normalized}`) : null;
  return host && HOST.test(host) ? host : null;
}
