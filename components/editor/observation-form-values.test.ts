import { describe, expect, it } from "vitest";
import { ZObservationInput } from "@/lib/schemas/observation";
import { EMPTY_OBSERVATION, toObservationInput } from "./observation-form-values";

const filledIn = {
  ...EMPTY_OBSERVATION,
  indicatorSlug: "homicide_rate",
  value: "10.4",
  asOf: "2024-01-01",
  datePrecision: "year",
  "producer.name": "Cristosal",
  "source.url": "https://example.org/informe",
  "source.publisher": "Radio YSKL",
};

describe("a new figure's form", () => {
  it("has no producer type until one is chosen, and is not saved without it", () => {
    expect(EMPTY_OBSERVATION["producer.type"]).toBe("");
    const parsed = ZObservationInput.safeParse(toObservationInput(filledIn));
    expect(parsed.error?.issues.map((issue) => [issue.path.join("."), issue.message])).toEqual([
      ["producer.type", "Choose the producer's type."],
    ]);
  });

  it("is saved once a type is chosen", () => {
    const parsed = ZObservationInput.safeParse(toObservationInput({ ...filledIn, "producer.type": "ngo" }));
    expect(parsed.data?.producer).toEqual({ name: "Cristosal", type: "ngo" });
  });
});
