import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/testing/test-database";
import { listenToCommits, recordChange, runTransaction, type DataChange } from "./transaction";

let database: TestDatabase;
const heard: { when: string; changes: readonly DataChange[]; seesTheWork?: boolean }[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  listenToCommits("transaction test", {
    async beforeCommit(tx, changes) {
      // Inside the transaction: the work's own rows are visible to it.
      const rows = await tx.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM "Producer" WHERE name = 'Listened'`;
      heard.push({ when: "before", changes: [...changes], seesTheWork: Number(rows[0]!.n) > 0 });
    },
    afterCommit(changes) {
      heard.push({ when: "after", changes: [...changes] });
    },
  });
});
afterAll(async () => {
  listenToCommits("transaction test", {});
  await database.drop();
});

const producer = { entityType: "producer", isPublic: false } as const;

describe("runTransaction", () => {
  it("tells its listeners what changed, inside the transaction and then once it committed", async () => {
    heard.length = 0;
    await runTransaction(database.db, async (tx) => {
      await tx.producer.create({ data: { name: "Listened", type: "government" } });
      recordChange(tx, producer);
    });
    expect(heard).toEqual([
      { when: "before", changes: [producer], seesTheWork: true },
      { when: "after", changes: [producer] },
    ]);
  });

  it("tells nothing after a transaction that rolled back", async () => {
    heard.length = 0;
    await expect(
      runTransaction(database.db, async (tx) => {
        recordChange(tx, producer);
        throw new Error("refused");
      }),
    ).rejects.toThrow("refused");
    expect(heard).toEqual([]);
  });

  it("tells nothing of a transaction that changed nothing", async () => {
    heard.length = 0;
    await runTransaction(database.db, (tx) => tx.producer.count());
    expect(heard).toEqual([]);
  });

  it("refuses a change recorded outside it, which no listener would hear of", async () => {
    await expect(database.db.$transaction(async (tx) => recordChange(tx, producer))).rejects.toThrow(/runTransaction/);
  });
});
