import "server-only";
import type { Prisma } from "../generated/prisma/client";
import type { Database } from "../db/client";
import { domainOf, domainTable, proposeSourceClass, type DomainClass, type ProposedClass } from "./source-domains";

type Reader = Prisma.TransactionClient | Database;

/** Every domain the table classifies (a few hundred rows: read whole where many sources are classed at once). */
export async function loadDomainTable(db: Reader): Promise<Map<string, DomainClass>> {
  return domainTable(await db.sourceDomain.findMany({ select: { domain: true, sourceClass: true } }));
}

/** The class a new source at this address gets, reading only the table rows its host could match. */
export async function proposeClassFor(db: Reader, url: string): Promise<ProposedClass> {
  const labels = domainOf(url)?.split(".") ?? [];
  const candidates = labels.slice(0, -1).map((_, start) => labels.slice(start).join("."));
  const rows = candidates.length
    ? await db.sourceDomain.findMany({ where: { domain: { in: candidates } }, select: { domain: true, sourceClass: true } })
    : [];
  return proposeSourceClass(domainTable(rows), url);
}

/** The columns a new source row takes from a proposal. */
export const classColumns = ({ sourceClass, sourceClassOrigin }: ProposedClass) => ({ sourceClass, sourceClassOrigin });
