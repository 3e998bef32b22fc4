import "server-only";
import { isoDay, isoDayOrNull } from "../dates";
import { getDb, type Database } from "../db/client";
import { recordChange, runTransaction } from "../db/transaction";
import type { Prisma } from "../generated/prisma/client";
import { readPage, type Paged } from "../paging";
import type { LinkState } from "../schemas/enums";
import { checkLink, hostOf, runPolitely, type LinkCheckOptions, type LinkCheckResult } from "./link-check";

// Whether each source's address still leads somewhere: which sources the checker visits, what it
// records of each visit, and the editors' list of the broken ones to fix.

export type SourceToCheck = { id: string; url: string; linkState: LinkState | null; linkBrokenSince: Date | null };

/** Sources never checked first, then the longest unchecked; with `staleDays`, only those not checked for that long. */
export function listSourcesToCheck(db: Database, { now, staleDays, limit }: { now: Date; staleDays?: number; limit?: number }) {
  const where: Prisma.SourceWhereInput =
    staleDays === undefined
      ? {}
      : { OR: [{ linkCheckedAt: null }, { linkCheckedAt: { lt: new Date(now.getTime() - staleDays * 86_400_000) } }] };
  return db.source.findMany({
    where,
    select: { id: true, url: true, linkState: true, linkBrokenSince: true },
    orderBy: [{ linkCheckedAt: { sort: "asc", nulls: "first" } }, { id: "asc" }],
    take: limit,
  });
}

/** What readers are shown of a link's health: the day it broke, while it stays broken. */
const shownBrokenSince = (row: { linkState: LinkState | null; linkBrokenSince: Date | null }) =>
  row.linkState === "broken" ? isoDayOrNull(row.linkBrokenSince) : null;

export type RecordedCheck = { newlyBroken: boolean; fixed: boolean };

/**
 * Stores one check's result. The day a link broke is the first failing check's and stays through
 * later failures; only a check that finds the page clears it. A check is not an edit: the source's
 * version (which an editor's open form is saved against) and its last-edit time stay as they were.
 * Returns null, recording nothing, when the source is gone or its address changed since it was read.
 */
export async function recordLinkCheck(
  db: Database,
  source: { id: string; url: string },
  result: LinkCheckResult,
  checkedAt: Date,
): Promise<RecordedCheck | null> {
  return runTransaction(db, async (tx) => {
    const before = await tx.source.findUnique({
      where: { id: source.id },
      select: { url: true, linkState: true, linkBrokenSince: true, updatedAt: true },
    });
    if (!before || before.url !== source.url) return null;
    const brokenSince =
      result.state === "ok" ? null : result.state === "broken" ? (before.linkBrokenSince ?? checkedAt) : before.linkBrokenSince;
    const written = await tx.source.updateMany({
      where: { id: source.id, url: source.url },
      data: {
        linkCheckedAt: checkedAt,
        linkState: result.state,
        linkStatusCode: result.statusCode,
        linkError: result.error,
        linkRedirects: result.redirects,
        linkBrokenSince: brokenSince,
        updatedAt: before.updatedAt,
      },
    });
    if (written.count === 0) return null;
    const shownBefore = shownBrokenSince(before);
    const shownAfter = shownBrokenSince({ linkState: result.state, linkBrokenSince: brokenSince });
    // Pages show "link broken since …" beside the source: they go stale only when that changes,
    // not on every check that finds the same thing again.
    if (shownBefore !== shownAfter)
      recordChange(tx, { entityType: "source", isPublic: false, before: { brokenSince: shownBefore }, after: { brokenSince: shownAfter } });
    return {
      newlyBroken: before.linkState !== "broken" && result.state === "broken",
      fixed: before.linkState === "broken" && result.state === "ok",
    };
  });
}

export type LinkCheckRunOptions = LinkCheckOptions & {
  staleDays?: number;
  limit?: number;
  /** Checks at once; never two on one host. */
  concurrency?: number;
  /** No check starts after this long (those under way finish, each within its timeout). */
  maxDurationMs?: number;
  /** Checks and reports without writing anything. */
  dryRun?: boolean;
  now?: () => Date;
};

export type CheckedSource = { id: string; url: string; result: LinkCheckResult };

export type LinkCheckReport = {
  checked: number;
  ok: number;
  broken: number;
  unverifiable: number;
  newlyBroken: CheckedSource[];
  fixed: CheckedSource[];
  /** Not checked: the run reached its time limit first. */
  notStarted: number;
  /** Checked, but changed or deleted meanwhile by staff: the result was about an address no longer stored. */
  discarded: number;
};

export const DEFAULT_CONCURRENCY = 4;

/** Checks the sources due for it and records each result as it comes. */
export async function checkSourceLinks(db: Database, options: LinkCheckRunOptions): Promise<LinkCheckReport> {
  const now = options.now ?? (() => new Date());
  const startedAt = now().getTime();
  const sources = await listSourcesToCheck(db, { now: now(), staleDays: options.staleDays, limit: options.limit });
  const report: LinkCheckReport = {
    checked: 0,
    ok: 0,
    broken: 0,
    unverifiable: 0,
    newlyBroken: [],
    fixed: [],
    notStarted: 0,
    discarded: 0,
  };
  const notStarted = await runPolitely(
    sources,
    {
      concurrency: options.concurrency ?? DEFAULT_CONCURRENCY,
      hostOf: (source) => hostOf(source.url),
      shouldStop: () => options.maxDurationMs !== undefined && now().getTime() - startedAt >= options.maxDurationMs,
    },
    async (source) => {
      const result = await checkLink(source.url, options);
      const outcome = options.dryRun
        ? {
            newlyBroken: source.linkState !== "broken" && result.state === "broken",
            fixed: source.linkState === "broken" && result.state === "ok",
          }
        : await recordLinkCheck(db, source, result, now());
      if (!outcome) {
        report.discarded++;
        return;
      }
      report.checked++;
      report[result.state]++;
      if (outcome.newlyBroken) report.newlyBroken.push({ id: source.id, url: source.url, result });
      if (outcome.fixed) report.fixed.push({ id: source.id, url: source.url, result });
    },
  );
  report.notStarted = notStarted.length;
  return report;
}

// The editors' list

export type BrokenSource = {
  id: string;
  url: string;
  publisher: string | null;
  archivedUrl: string | null;
  error: string | null;
  statusCode: number | null;
  redirects: string[];
  /** Days (YYYY-MM-DD). */
  brokenSince: string | null;
  checkedAt: string | null;
  /** What readers see citing it: published figures, framings, events. */
  citedBy: { figures: number; framings: number; events: number };
};

const brokenWhere: Prisma.SourceWhereInput = { linkState: "broken" };

/** Broken sources, the longest broken first, a page at a time. */
export function listBrokenSources(page: number, db: Database = getDb()): Promise<Paged<BrokenSource>> {
  return readPage(
    page,
    (limit) => db.source.count({ where: brokenWhere, take: limit }),
    async (skip, take) => {
      const rows = await db.source.findMany({
        where: brokenWhere,
        select: {
          id: true,
          url: true,
          publisher: true,
          archivedUrl: true,
          linkError: true,
          linkStatusCode: true,
          linkRedirects: true,
          linkBrokenSince: true,
          linkCheckedAt: true,
          _count: { select: { observations: { where: { status: "published" } }, framings: true, events: true } },
        },
        orderBy: [{ linkBrokenSince: { sort: "asc", nulls: "last" } }, { id: "asc" }],
        skip,
        take,
      });
      return rows.map((row) => ({
        id: row.id,
        url: row.url,
        publisher: row.publisher,
        archivedUrl: row.archivedUrl,
        error: row.linkError,
        statusCode: row.linkStatusCode,
        redirects: row.linkRedirects,
        brokenSince: isoDayOrNull(row.linkBrokenSince),
        checkedAt: row.linkCheckedAt ? isoDay(row.linkCheckedAt) : null,
        citedBy: { figures: row._count.observations, framings: row._count.framings, events: row._count.events },
      }));
    },
  );
}

/** Sources whose site turned the checker away (or whose address is internal): not shown to readers as broken. */
export function countUnverifiableSources(db: Database = getDb()): Promise<number> {
  return db.source.count({ where: { linkState: "unverifiable" } });
}
