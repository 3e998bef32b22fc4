import "server-only";
import type { Actor } from "../auth/actor";
import { canManageSourceDomains } from "../auth/permissions";
import { appendChange } from "../changes/history";
import { getDb } from "../db/client";
import { runTransaction } from "../db/transaction";
import { AppError, conflict, forbidden, notFound } from "../errors";
import type { Prisma } from "../generated/prisma/client";
import { contains, listPage, type ListPage, type ListQuery } from "../reference/list-page";
import type { SourceClass } from "../schemas/enums";
import { parseDomain, type SourceDomainChange, type SourceDomainInput } from "./domain-table-input";

// The domain table: which class a new source gets from its address (lib/sources/source-class.ts reads
// it). Admins keep it; it proposes classes for sources created from now on and never touches the class
// an existing source has. Its edits are staff business: in the change history, not on the public log.

export type SourceDomainRow = {
  domain: string;
  sourceClass: SourceClass;
  note: string | null;
  updatedAt: string;
  updatedBy: string | null;
  /** Sources whose host is this domain or one of its subdomains. */
  sourceCount: number;
};

const domainSelect = {
  domain: true,
  sourceClass: true,
  note: true,
  updatedAt: true,
  updatedBy: { select: { displayName: true } },
} satisfies Prisma.SourceDomainSelect;

type DomainRecord = Prisma.SourceDomainGetPayload<{ select: typeof domainSelect }>;

// A source's host as domainOf reads it (lower case, no user, port or "www."), in SQL, so the counts
// of a page of 50 domains are one query however many sources there are.
const COUNT_SQL = `
  WITH hosts AS (
    SELECT regexp_replace(substring(lower(url) from '^[a-z][a-z0-9+.-]*://(?:[^/?#@]*@)?([^/?#:]+)'), '^www\\.', '') AS host
    FROM "Source"
  )
  SELECT d.domain, count(h.host)::int AS "sourceCount"
  FROM unnest($1::text[]) AS d(domain)
  LEFT JOIN hosts h ON h.host = d.domain OR right(h.host, length(d.domain) + 1) = '.' || d.domain
  GROUP BY d.domain`;

async function countSources(domains: string[]): Promise<Map<string, number>> {
  if (!domains.length) return new Map();
  const rows = await getDb().$queryRawUnsafe<{ domain: string; sourceCount: number }[]>(COUNT_SQL, domains);
  return new Map(rows.map((row) => [row.domain, row.sourceCount]));
}

const toRow = (record: DomainRecord, sourceCount: number): SourceDomainRow => ({
  domain: record.domain,
  sourceClass: record.sourceClass,
  note: record.note,
  updatedAt: record.updatedAt.toISOString(),
  updatedBy: record.updatedBy?.displayName ?? null,
  sourceCount,
});

/** The table by domain, 50 a page, those containing the search; each with how many sources it matches today. */
export async function listSourceDomains(query: ListQuery): Promise<ListPage<SourceDomainRow>> {
  // Searched as the table stores domains, so "WWW.ElFaro.net" finds elfaro.net.
  const q = query.q
    ? query.q
        .trim()
        .toLowerCase()
        .replace(/^www\./, "")
    : "";
  const where: Prisma.SourceDomainWhereInput = q ? { domain: contains(q) } : {};
  const page = await listPage(query, {
    count: () => getDb().sourceDomain.count({ where }),
    rows: (window) => getDb().sourceDomain.findMany({ where, select: domainSelect, orderBy: { domain: "asc" }, ...window }),
  });
  const counts = await countSources(page.rows.map((row) => row.domain));
  return { ...page, rows: page.rows.map((row) => toRow(row, counts.get(row.domain) ?? 0)) };
}

function requireAdmin(actor: Actor) {
  if (!canManageSourceDomains(actor)) throw forbidden("Only an admin can change the domain table.", "admin_only");
}

const invalidDomain = (text: string) =>
  new AppError(400, "invalid_domain", `"${text.slice(0, 100)}" is not a domain; give a host name such as elfaro.net, without a path.`);

/** The stored name of a domain named in a request; a name that is no host cannot be in the table. */
function domainNamed(text: string) {
  const domain = parseDomain(text);
  if (!domain) throw notFound("This domain", "domain_not_found");
  return domain;
}

const whatChanged = (row: { domain: string; sourceClass: SourceClass; note: string | null }) => ({
  domain: row.domain,
  sourceClass: row.sourceClass,
  note: row.note,
});

/** Adds a domain; a domain already in the table is a 409 (change that row instead). */
export async function createSourceDomain(actor: Actor, input: SourceDomainInput): Promise<SourceDomainRow> {
  requireAdmin(actor);
  const domain = parseDomain(input.domain);
  if (!domain) throw invalidDomain(input.domain);
  const record = await runTransaction(getDb(), async (tx) => {
    if (await tx.sourceDomain.findUnique({ where: { domain }, select: { domain: true } }))
      throw conflict(`${domain} is already in the table.`, { params: { domain } }, "domain_taken");
    const created = await tx.sourceDomain.create({
      data: { domain, sourceClass: input.sourceClass, note: input.note, updatedById: actorUserId(actor) },
      select: domainSelect,
    });
    await appendChange(tx, {
      action: "source_domain.created",
      entityType: "source_domain",
      entityId: domain,
      actor,
      after: whatChanged(created),
      isPublic: false,
    });
    return created;
  });
  return toRow(record, (await countSources([domain])).get(domain) ?? 0);
}

/** Changes a domain's class or note. */
export async function updateSourceDomain(actor: Actor, name: string, change: SourceDomainChange): Promise<SourceDomainRow> {
  requireAdmin(actor);
  const domain = domainNamed(name);
  const record = await runTransaction(getDb(), async (tx) => {
    const before = await tx.sourceDomain.findUnique({ where: { domain }, select: domainSelect });
    if (!before) throw notFound("This domain", "domain_not_found");
    const after = await tx.sourceDomain.update({
      where: { domain },
      data: { sourceClass: change.sourceClass, note: change.note, updatedById: actorUserId(actor) },
      select: domainSelect,
    });
    await appendChange(tx, {
      action: "source_domain.updated",
      entityType: "source_domain",
      entityId: domain,
      actor,
      before: whatChanged(before),
      after: whatChanged(after),
      isPublic: false,
    });
    return after;
  });
  return toRow(record, (await countSources([domain])).get(domain) ?? 0);
}

/** Removes a domain: new sources on it are no longer classed by it; existing ones keep their class. */
export async function deleteSourceDomain(actor: Actor, name: string): Promise<{ domain: string }> {
  requireAdmin(actor);
  const domain = domainNamed(name);
  return runTransaction(getDb(), async (tx) => {
    const before = await tx.sourceDomain.findUnique({ where: { domain }, select: domainSelect });
    if (!before) throw notFound("This domain", "domain_not_found");
    await tx.sourceDomain.delete({ where: { domain } });
    await appendChange(tx, {
      action: "source_domain.deleted",
      entityType: "source_domain",
      entityId: domain,
      actor,
      before: whatChanged(before),
      isPublic: false,
    });
    return { domain };
  });
}

const actorUserId = (actor: Actor) => (actor.kind === "user" ? actor.user.id : null);
