import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../testing/test-database";

// The embedded database is a single PostgreSQL session shared by every connection (see
// embedded-session-queue.ts); these hold on both databases, so the app can treat them alike.
describe("several connections at once", () => {
  let database: TestDatabase;
  const clients: pg.Client[] = [];
  const connect = async () => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    clients.push(client);
    return client;
  };

  beforeAll(async () => {
    database = await createTestDatabase({ migrate: false });
    const setup = await connect();
    await setup.query("CREATE TABLE shared_session_probe (n int)");
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.end().catch(() => undefined)));
    await database.drop();
  });

  it("gives every parameterised query its own answer while another connection runs transactions", async () => {
    const answersFor = async (client: pg.Client, parameterCount: number) => {
      const mismatches: string[] = [];
      for (let round = 0; round < 60; round++) {
        const values = Array.from({ length: parameterCount }, (_, index) => `${parameterCount}:${round}:${index}`);
        const columns = values.map((_, index) => `$${index + 1}::text AS v${index}`).join(", ");
        const { rows } = await client.query<Record<string, string>>(`SELECT ${columns}`, values);
        const got = values.map((_, index) => rows[0]?.[`v${index}`]);
        if (got.join() !== values.join()) mismatches.push(`${values.join()} → ${got.join()}`);
      }
      return mismatches;
    };
    const transactions = async (client: pg.Client) => {
      for (let round = 0; round < 30; round++) {
        await client.query("BEGIN");
        await client.query("INSERT INTO shared_session_probe VALUES ($1)", [round]);
        await client.query("SELECT count(*) FROM shared_session_probe WHERE n >= $1", [0]);
        await client.query("COMMIT");
      }
    };
    const readers = await Promise.all([1, 2, 3, 4].map(() => connect()));
    const writer = await connect();

    const [, ...mismatches] = await Promise.all([transactions(writer), ...readers.map((client, index) => answersFor(client, index + 1))]);

    expect(mismatches.flat()).toEqual([]);
    const { rows } = await writer.query<{ count: string }>("SELECT count(*) FROM shared_session_probe");
    expect(Number(rows[0]?.count)).toBe(30);
  });

  it("rolls back what a connection that vanished mid-transaction left, and lets the others go on", async () => {
    const leaver = await connect();
    leaver.on("error", () => undefined);
    const stayer = await connect();
    await leaver.query("BEGIN");
    await leaver.query("INSERT INTO shared_session_probe VALUES ($1)", [-1]);
    const waiting = stayer.query<{ count: string }>("SELECT count(*) FROM shared_session_probe WHERE n = $1", [-1]);
    (leaver as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();

    const { rows } = await waiting;
    expect(Number(rows[0]?.count)).toBe(0);
    // A transaction left open in the shared session would make this BEGIN a warning, and the
    // stayer's inserts would vanish with the leaver's rollback; committing them proves it is its own.
    await stayer.query("BEGIN");
    await stayer.query("INSERT INTO shared_session_probe VALUES ($1)", [-2]);
    await stayer.query("COMMIT");
    const { rows: kept } = await stayer.query<{ n: number }>("SELECT n FROM shared_session_probe WHERE n < 0");
    expect(kept).toEqual([{ n: -2 }]);
  }, 20_000);
});
