import { describe, expect, it } from "vitest";
import { createDatabaseClient } from "./client";
import { isDatabaseUnavailable } from "./transient-errors";

describe("isDatabaseUnavailable", () => {
  it("recognises a database that cannot be reached, as Prisma reports it", async () => {
    const db = createDatabaseClient("postgresql://postgres@127.0.0.1:1/nowhere", 1);
    const error = await db.indicator.count().then(
      () => null,
      (caught: unknown) => caught,
    );
    await db.$disconnect();
    expect(error).not.toBeNull();
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it("recognises a server shutting down, and leaves ordinary errors alone", () => {
    expect(isDatabaseUnavailable({ code: "57P01", message: "terminating connection due to administrator command" })).toBe(true);
    expect(isDatabaseUnavailable({ meta: { driverAdapterError: { cause: { originalCode: "57P03" } } } })).toBe(true);
    expect(isDatabaseUnavailable(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isDatabaseUnavailable({ code: "P2002", message: "Unique constraint failed" })).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("x is undefined"))).toBe(false);
  });
});
