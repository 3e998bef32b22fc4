import { describe, expect, it } from "vitest";
import { retryingSerializationFailures } from "./retry-serialization-failures";

const serializationFailure = () => Object.assign(new Error("could not serialize access"), { code: "P2034" });

describe("retryingSerializationFailures", () => {
  it("runs a transaction again after a serialization failure and returns its result", async () => {
    let attempts = 0;
    const result = await retryingSerializationFailures(async () => {
      attempts += 1;
      if (attempts < 3) throw serializationFailure();
      return "saved";
    });
    expect(result).toBe("saved");
    expect(attempts).toBe(3);
  });

  it("gives up after four attempts with the last failure", async () => {
    let attempts = 0;
    const outcome = retryingSerializationFailures(async () => {
      attempts += 1;
      throw serializationFailure();
    });
    await expect(outcome).rejects.toMatchObject({ code: "P2034" });
    expect(attempts).toBe(4);
  });

  it("never runs again after any other error", async () => {
    let attempts = 0;
    const outcome = retryingSerializationFailures(async () => {
      attempts += 1;
      throw Object.assign(new Error("Unique constraint failed"), { code: "P2002" });
    });
    await expect(outcome).rejects.toMatchObject({ code: "P2002" });
    expect(attempts).toBe(1);
  });
});
