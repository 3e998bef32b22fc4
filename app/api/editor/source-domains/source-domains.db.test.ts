import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZObservationInput } from "@/lib/schemas/observation";
import { createRouteTestbed, fingerprint, observationInput, request, type Caller, type Callers } from "@/testing/editor-fixtures";
import type { TestDatabase } from "@/testing/test-database";

// The domain table proposes a class for new sources. Only admins change it; each change is in the
// (non-public) history; a host it cannot use is refused with nothing stored; and a domain an admin
// adds classes the next source created on it or on a subdomain, never the sources that already exist.

let database: TestDatabase;
let callers: Callers;
let routes: {
  list: typeof import("./route");
  one: typeof import("./[domain]/route");
  source: typeof import("../sources/[id]/route");
  apply: typeof import("../reference-changes/[id]/apply/route");
  changes: typeof import("../../v1/changes/route");
};
let lib: { domains: typeof import("@/lib/sources/domain-table"); observations: typeof import("@/lib/observations/mutations") };

beforeAll(async () => {
  ({ database, callers } = await createRouteTestbed());
  routes = {
    list: await import("./route"),
    one: await import("./[domain]/route"),
    source: await import("../sources/[id]/route"),
    apply: await import("../reference-changes/[id]/apply/route"),
    changes: await import("../../v1/changes/route"),
  };
  lib = { domains: await import("@/lib/sources/domain-table"), observations: await import("@/lib/observations/mutations") };
});
afterAll(() => database.drop());

const at = (domain: string) => ({ params: Promise.resolve({ domain }) });
const add = (caller: Caller, body: unknown) => routes.list.POST(request("POST", "/api/editor/source-domains", caller, body));
const change = (caller: Caller, domain: string, body: unknown) =>
  routes.one.PATCH(request("PATCH", `/api/editor/source-domains/${encodeURIComponent(domain)}`, caller, body), at(domain));
const remove = (caller: Caller, domain: string) =>
  routes.one.DELETE(request("DELETE", `/api/editor/source-domains/${encodeURIComponent(domain)}`, caller), at(domain));
const errorCode = async (response: Response) => ((await response.json()) as { error: { code: string } }).error.code;
const adminActor = async () => {
  const user = await database.db.user.findUniqueOrThrow({ where: { id: callers.ids.admin } });
  return { kind: "user" as const, user: { id: user.id, email: user.email, displayName: user.displayName, role: user.role } };
};

describe("the domain table", () => {
  it("is changed by admins only: editors, reviewers, tokens and strangers are refused and nothing changes", async () => {
    await database.db.sourceDomain.create({ data: { domain: "kept.example", sourceClass: "press" } });
    const before = JSON.stringify([
      await fingerprint(database.db),
      await database.db.sourceDomain.findMany({ orderBy: { domain: "asc" } }),
    ]);
    for (const caller of [callers.editor, callers.reviewer, callers.token]) {
      for (const response of [
        await add(caller, { domain: "new.example", sourceClass: "primary" }),
        await change(caller, "kept.example", { sourceClass: "secondary" }),
        await remove(caller, "kept.example"),
      ]) {
        expect(response.status, caller.name).toBe(403);
        expect(await errorCode(response)).toBe("admin_only");
      }
    }
    expect((await add(callers.anonymous, { domain: "new.example", sourceClass: "primary" })).status).toBe(401);
    const after = JSON.stringify([await fingerprint(database.db), await database.db.sourceDomain.findMany({ orderBy: { domain: "asc" } })]);
    expect(after).toBe(before);
  });

  it("stores what an admin types as the host readers' links are matched by, and records it in the history", async () => {
    const response = await add(callers.admin, {
      domain: "  https://WWW.Transparencia.Example/path ",
      sourceClass: "primary",
      note: "Portal",
    });
    expect(response.status).toBe(201);
    expect((await response.json()).data).toMatchObject({ domain: "transparencia.example", sourceClass: "primary", note: "Portal" });
    const entry = await database.db.changeEntry.findFirstOrThrow({
      where: { entityType: "source_domain", entityId: "transparencia.example" },
    });
    expect(entry).toMatchObject({ action: "source_domain.created", isPublic: false, actorUserId: callers.ids.admin });
    expect(entry.after).toEqual({ domain: "transparencia.example", sourceClass: "primary", note: "Portal" });
  });

  it("refuses text that names no host with invalid_domain, storing nothing", async () => {
    for (const domain of ["elfaro", "el faro.net", "elfaro.net/notas", "10.0.0.1", "elfaro.net:8080", "-bad-.net"]) {
      const before = await database.db.sourceDomain.count();
      const changes = await database.db.changeEntry.count();
      const response = await add(callers.admin, { domain, sourceClass: "press" });
      expect(response.status, domain).toBe(400);
      expect(await errorCode(response)).toBe("invalid_domain");
      expect(await database.db.sourceDomain.count()).toBe(before);
      expect(await database.db.changeEntry.count()).toBe(changes);
    }
    const tooLong = await add(callers.admin, { domain: "a".repeat(5000), sourceClass: "press" });
    expect(tooLong.status).toBe(413);
    const noClass = await add(callers.admin, { domain: "fine.example", sourceClass: "weak" });
    expect(noClass.status).toBe(400);
    expect(await database.db.sourceDomain.findUnique({ where: { domain: "fine.example" } })).toBeNull();
  });

  it("answers 409 for a domain already in the table, however it is written, and keeps the stored row", async () => {
    const response = await add(callers.admin, { domain: "www.KEPT.example", sourceClass: "secondary" });
    expect(response.status).toBe(409);
    expect(await errorCode(response)).toBe("domain_taken");
    expect(await database.db.sourceDomain.findUnique({ where: { domain: "kept.example" } })).toMatchObject({ sourceClass: "press" });
  });

  it("changes and removes a row, each in the history, and 404s a domain it does not hold", async () => {
    const changed = await change(callers.admin, "kept.example", { sourceClass: "secondary", note: "Mirror" });
    expect(changed.status).toBe(200);
    expect(await database.db.sourceDomain.findUnique({ where: { domain: "kept.example" } })).toMatchObject({
      sourceClass: "secondary",
      note: "Mirror",
      updatedById: callers.ids.admin,
    });
    expect((await remove(callers.admin, "kept.example")).status).toBe(200);
    expect(await database.db.sourceDomain.findUnique({ where: { domain: "kept.example" } })).toBeNull();
    const actions = await database.db.changeEntry.findMany({
      where: { entityType: "source_domain", entityId: "kept.example" },
      orderBy: { sequence: "asc" },
    });
    expect(actions.map((entry) => [entry.action, entry.isPublic])).toEqual([
      ["source_domain.updated", false],
      ["source_domain.deleted", false],
    ]);
    expect(actions[0]!.before).toMatchObject({ sourceClass: "press" });
    const missing = await change(callers.admin, "kept.example", { sourceClass: "press" });
    expect(missing.status).toBe(404);
    expect(await errorCode(missing)).toBe("domain_not_found");
  });

  it("classes a figure's new source on the domain or a subdomain, leaves existing sources as they were, and counts them", async () => {
    const existing = await database.db.source.create({ data: { url: "https://stats.ministry.example/old", publisher: "Old" } });
    expect((await add(callers.admin, { domain: "ministry.example", sourceClass: "primary" })).status).toBe(201);
    const actor = await adminActor();
    for (const url of ["https://www.ministry.example/report-2025", "https://data.stats.ministry.example/table"]) {
      await lib.observations.createObservationDraft(
        actor,
        ZObservationInput.parse(observationInput({ source: { url, publisher: "Ministry" } })),
      );
      expect(await database.db.source.findUniqueOrThrow({ where: { url } }), url).toMatchObject({
        sourceClass: "primary",
        sourceClassOrigin: "domain_table",
      });
    }
    // A host that only ends with the same letters is another domain.
    const lookalike = "https://notministry.example/x";
    await lib.observations.createObservationDraft(
      actor,
      ZObservationInput.parse(observationInput({ source: { url: lookalike, publisher: "Other" } })),
    );
    expect(await database.db.source.findUniqueOrThrow({ where: { url: lookalike } })).toMatchObject({
      sourceClass: "secondary",
      sourceClassOrigin: "unmatched",
    });
    expect(await database.db.source.findUniqueOrThrow({ where: { id: existing.id } })).toMatchObject({
      sourceClass: "secondary",
      sourceClassOrigin: "unmatched",
    });
    const list = await lib.domains.listSourceDomains({ q: "ministry", page: 1 });
    expect(list.rows.map((row) => [row.domain, row.sourceCount])).toEqual([["ministry.example", 3]]);
  });
});

describe("a source's class, edited through review", () => {
  it("is proposed by one person and applied by another; the class is then the staff's and the public log shows it", async () => {
    const source = await database.db.source.create({
      data: { url: "https://aggregator.example/copy", publisher: "Agregador", sourceClass: "press", sourceClassOrigin: "domain_table" },
    });
    const proposal = await routes.source.PATCH(
      request("PATCH", `/api/editor/sources/${source.id}`, callers.editor, {
        version: source.version,
        data: {
          url: source.url,
          publisher: "Agregador",
          publishedAt: null,
          archivedUrl: "https://web.archive.org/x",
          sourceClass: "secondary",
        },
        reason: "Republishes the ministry's table",
      }),
      { params: Promise.resolve({ id: source.id }) },
    );
    expect(proposal.status).toBe(202);
    const proposalId = (await proposal.json()).data.id as string;
    // Nothing changes before a second person applies it.
    expect(await database.db.source.findUniqueOrThrow({ where: { id: source.id } })).toMatchObject({ sourceClass: "press" });
    const applyBy = (caller: Caller) =>
      routes.apply.POST(request("POST", `/api/editor/reference-changes/${proposalId}/apply`, caller, {}), {
        params: Promise.resolve({ id: proposalId }),
      });
    expect((await applyBy(callers.editor)).status).toBe(403);
    expect((await applyBy(callers.reviewer)).status).toBe(200);
    expect(await database.db.source.findUniqueOrThrow({ where: { id: source.id } })).toMatchObject({
      sourceClass: "secondary",
      sourceClassOrigin: "staff",
      archivedUrl: "https://web.archive.org/x",
    });
    const entry = await database.db.changeEntry.findFirstOrThrow({ where: { action: "source.updated", entityId: source.id } });
    expect(entry.isPublic).toBe(true);
    expect(entry.reason).toBe("Republishes the ministry's table");
    expect(entry.before).toMatchObject({ sourceClass: "press" });
    expect(entry.after).toMatchObject({ sourceClass: "secondary", archivedUrl: "https://web.archive.org/x" });
    // Readers see the class change, with its reason, on the public change log.
    const log = await (await routes.changes.GET(new Request("http://contraste.test/api/v1/changes"))).json();
    const published = log.data.find((change: { id: string }) => change.id === entry.id);
    expect(published).toMatchObject({ action: "source.updated", reason: "Republishes the ministry's table" });
    expect([published.before.sourceClass, published.after.sourceClass]).toEqual(["press", "secondary"]);
  });

  it("keeps where the class came from when a reviewed edit leaves the class as it was", async () => {
    const source = await database.db.source.create({
      data: { url: "https://paper.example/story", publisher: "Paper", sourceClass: "press", sourceClassOrigin: "domain_table" },
    });
    const proposal = await routes.source.PATCH(
      request("PATCH", `/api/editor/sources/${source.id}`, callers.editor, {
        version: source.version,
        data: { url: source.url, publisher: "The Paper", publishedAt: null, archivedUrl: null, sourceClass: "press" },
        reason: "Outlet's full name",
      }),
      { params: Promise.resolve({ id: source.id }) },
    );
    const proposalId = (await proposal.json()).data.id as string;
    const applied = await routes.apply.POST(request("POST", `/api/editor/reference-changes/${proposalId}/apply`, callers.admin, {}), {
      params: Promise.resolve({ id: proposalId }),
    });
    expect(applied.status).toBe(200);
    expect(await database.db.source.findUniqueOrThrow({ where: { id: source.id } })).toMatchObject({
      publisher: "The Paper",
      sourceClass: "press",
      sourceClassOrigin: "domain_table",
    });
  });

  it("forgets what the link checker found at the old address once a new one is applied, and keeps it when the address stays", async () => {
    const brokenSince = new Date("2026-11-01T00:00:00Z");
    const broken = {
      linkCheckedAt: new Date("2026-12-01T00:00:00Z"),
      linkState: "broken" as const,
      linkStatusCode: 404,
      linkError: "http_status",
      linkRedirects: ["https://gone.example/a", "https://gone.example/b"],
      linkBrokenSince: brokenSince,
    };
    const moved = await database.db.source.create({ data: { url: "https://gone.example/a", publisher: "Gone", ...broken } });
    const kept = await database.db.source.create({ data: { url: "https://still-gone.example/a", publisher: "Still", ...broken } });
    const proposeAndApply = async (source: { id: string; version: number }, url: string, publisher: string) => {
      const proposal = await routes.source.PATCH(
        request("PATCH", `/api/editor/sources/${source.id}`, callers.editor, {
          version: source.version,
          data: { url, publisher, publishedAt: null, archivedUrl: null, sourceClass: "secondary" },
          reason: "The page moved",
        }),
        { params: Promise.resolve({ id: source.id }) },
      );
      const proposalId = (await proposal.json()).data.id as string;
      const applied = await routes.apply.POST(request("POST", `/api/editor/reference-changes/${proposalId}/apply`, callers.admin, {}), {
        params: Promise.resolve({ id: proposalId }),
      });
      expect(applied.status).toBe(200);
    };

    await proposeAndApply(moved, "https://found.example/a", "Gone");
    await proposeAndApply(kept, kept.url, "Still there?");

    expect(await database.db.source.findUniqueOrThrow({ where: { id: moved.id } })).toMatchObject({
      url: "https://found.example/a",
      linkCheckedAt: null,
      linkState: null,
      linkStatusCode: null,
      linkError: null,
      linkRedirects: [],
      linkBrokenSince: null,
    });
    expect(await database.db.source.findUniqueOrThrow({ where: { id: kept.id } })).toMatchObject({
      publisher: "Still there?",
      linkState: "broken",
      linkBrokenSince: brokenSince,
    });
  });
});

describe("the editor's sources list", () => {
  it("shows each source's class and where it came from, and lists one class when asked, with the search", async () => {
    const { listSourcesForEditor } = await import("@/lib/sources/queries");
    await database.db.source.createMany({
      data: [
        { url: "https://list.example/a", publisher: "A", sourceClass: "primary", sourceClassOrigin: "domain_table" },
        { url: "https://list.example/b", publisher: "B", sourceClass: "secondary", sourceClassOrigin: "unmatched" },
        { url: "https://list.example/c", publisher: "C", sourceClass: "secondary", sourceClassOrigin: "staff" },
        { url: "https://elsewhere.example/d", publisher: "D", sourceClass: "secondary", sourceClassOrigin: "staff" },
      ],
    });
    const secondary = await listSourcesForEditor({ q: "list.example", page: 1 }, "secondary");
    expect(secondary.total).toBe(2);
    expect(secondary.rows.map((row) => [row.url, row.sourceClass, row.sourceClassOrigin])).toEqual([
      ["https://list.example/b", "secondary", "unmatched"],
      ["https://list.example/c", "secondary", "staff"],
    ]);
    const every = await listSourcesForEditor({ q: "list.example", page: 1 });
    expect(every.rows.map((row) => row.sourceClass)).toEqual(["primary", "secondary", "secondary"]);
  });
});
