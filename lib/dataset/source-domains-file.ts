import { parse } from "csv-parse/sync";
import { z } from "zod";
import { normalizeDomain } from "../sources/source-domains";
import { DatasetError } from "./parse-dataset";
import type { SourceClass } from "../schemas/enums";

// The research's domain table (prisma/data/el-salvador-source-domains.tsv): one domain a line, with
// the class the audit gave it and why. The research calls a republisher, mirror or forum "weak"; the
// product calls it secondary.

const RESEARCH_CLASSES = { primary: "primary", press: "press", weak: "secondary" } as const satisfies Record<string, SourceClass>;

const ZDomainLine = z.object({
  domain: z
    .string()
    .trim()
    .min(1, "name a domain")
    .transform(normalizeDomain)
    .refine((domain) => /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(domain), "expected a host name such as elfaro.net"),
  class: z.enum(Object.keys(RESEARCH_CLASSES) as [keyof typeof RESEARCH_CLASSES], { error: "expected primary, press or weak" }),
  count: z.string().optional(),
  reason: z.string().trim().optional(),
});

export type DomainFileEntry = { domain: string; sourceClass: SourceClass; note: string | null };

/** Every line of the domain table, validated: a bad line names its line number and stops the seed before any write. */
export function parseSourceDomains(text: string): DomainFileEntry[] {
  const rows = parse(text, { delimiter: "\t", columns: true, skip_empty_lines: true, trim: true, relax_quotes: true }) as unknown[];
  const problems: string[] = [];
  const entries = new Map<string, DomainFileEntry>();
  rows.forEach((row, index) => {
    const line = index + 2;
    const parsed = ZDomainLine.safeParse(row);
    if (!parsed.success) {
      problems.push(...parsed.error.issues.map((issue) => `source domains line ${line} field "${issue.path.join(".")}": ${issue.message}`));
      return;
    }
    const { domain, class: researchClass, reason } = parsed.data;
    if (entries.has(domain)) problems.push(`source domains line ${line}: "${domain}" is listed twice`);
    entries.set(domain, { domain, sourceClass: RESEARCH_CLASSES[researchClass], note: reason || null });
  });
  if (problems.length) throw new DatasetError(problems);
  return [...entries.values()];
}
