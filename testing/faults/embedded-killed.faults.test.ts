import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "@/scripts/bench/app-server";
import { findRunningServer } from "../../server/database/embedded";
import { observationInput } from "../editor-fixtures";
import { firstAdminCookie } from "./first-admin";

// `npm start` on a laptop, with no DATABASE_URL: the embedded database lives inside the app's own
// process. Killing every process of it at once (the OOM killer, kill -9, a closed terminal) must lose
// no edit the app had acknowledged, and the app must start again on the same folder. (A power cut
// also loses what the operating system had not yet written to disk; that cannot be staged here.)
// Needs the production build.

const dataDir = mkdtempSync(path.join(tmpdir(), "contraste-killed-"));
let app: RunningApp | undefined;
afterAll(async () => {
  await app?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function storedIds(ids: string[]): Promise<Set<string>> {
  const url = await findRunningServer(dataDir);
  if (!url) throw new Error("no embedded database server is recorded for the folder");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(`SELECT id FROM "Observation" WHERE id = ANY($1)`, [ids]);
    return new Set(rows.map((row) => row.id));
  } finally {
    await client.end();
  }
}

describe("the embedded database when the app is killed outright", () => {
  it("keeps every acknowledged edit and starts again on the same folder", async () => {
    app = await startApp({ embeddedDataDir: dataDir, ownProcessGroup: true });
    const cookie = await firstAdminCookie(app.url);
    const acknowledged: string[] = [];
    let writing = true;
    // Acknowledged means the whole answer arrived: a 201 cut off mid-body by the kill names no figure.
    const save = async (writerNumber: number, round: number): Promise<string | null> => {
      try {
        const response = await fetch(`${app!.url}/api/editor/observations`, {
          method: "POST",
          headers: { "content-type": "application/json", cookie },
          body: JSON.stringify(
            observationInput({
              indicatorSlug: "homicide_rate",
              value: `${writerNumber}${round}.5`,
              producer: { name: `Killed Server Observatory ${writerNumber}`, type: "academic" },
            }),
          ),
        });
        return response.status === 201 ? ((await response.json()) as { data: { id: string } }).data.id : null;
      } catch {
        return null;
      }
    };
    const writer = async (writerNumber: number) => {
      for (let round = 0; writing; round += 1) {
        const id = await save(writerNumber, round);
        if (id) acknowledged.push(id);
      }
    };
    const writers = [1, 2, 3].map(writer);
    while (acknowledged.length < 30) await new Promise((resolve) => setTimeout(resolve, 50));

    await app.stop("SIGKILL");
    writing = false;
    await Promise.all(writers);
    app = await startApp({ embeddedDataDir: dataDir, ownProcessGroup: true });

    const stored = await storedIds(acknowledged);
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
    expect((await fetch(`${app.url}/api/v1/indicators`)).status).toBe(200);
  });
});
