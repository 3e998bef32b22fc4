import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  DATE_PRECISIONS,
  EVENT_KINDS,
  INDICATOR_SLUG_PATTERN,
  INDICATOR_THEMES,
  NEW_INDICATOR_SLUG_PATTERN,
  OBSERVATION_STATUSES,
  PRODUCER_TYPE_DISPLAY_ORDER,
  PRODUCER_TYPES,
  PUBLIC_OBSERVATION_STATUSES,
  QUALIFIERS,
  ROLES,
  VALUE_KINDS,
} from "./enums";

const schema = readFileSync(new URL("../../prisma/schema.prisma", import.meta.url), "utf8");
const enumInSchema = (name: string) => {
  const body = new RegExp(`enum ${name} \\{([^}]*)\\}`).exec(schema)?.[1] ?? "";
  return body
    .split("\n")
    .map((line) => line.replace(/\/\/.*/, "").trim())
    .filter(Boolean);
};

describe("enumerations", () => {
  it.each([
    ["ProducerType", PRODUCER_TYPES],
    ["Qualifier", QUALIFIERS],
    ["DatePrecision", DATE_PRECISIONS],
    ["ObservationStatus", OBSERVATION_STATUSES],
    ["IndicatorTheme", INDICATOR_THEMES],
    ["ValueKind", VALUE_KINDS],
    ["EventKind", EVENT_KINDS],
    ["Role", ROLES],
  ])("%s lists the values of prisma/schema.prisma, in its order", (name, values) => {
    expect(values).toEqual(enumInSchema(name));
  });

  it("the generated enums module imports nothing, so client components may import it", () => {
    const generated = readFileSync(new URL("../generated/prisma/enums.ts", import.meta.url), "utf8");
    expect(generated).not.toMatch(/^\s*(import|export \* from|export \{[^}]*\} from)\b/m);
    expect(generated).not.toMatch(/\brequire\(/);
  });

  it("the display order shows every producer type once, the government's first", () => {
    expect([...PRODUCER_TYPE_DISPLAY_ORDER].sort()).toEqual([...PRODUCER_TYPES].sort());
    expect(PRODUCER_TYPE_DISPLAY_ORDER[0]).toBe("government");
  });

  it("the public sees published and retracted figures only", () => {
    expect(PUBLIC_OBSERVATION_STATUSES.every((status) => OBSERVATION_STATUSES.includes(status))).toBe(true);
  });

  it.each([
    ["homicide_rate", true, true],
    ["a", true, false],
    ["x".repeat(80), true, true],
    ["x".repeat(81), true, false],
    ["Homicide", false, false],
    ["homicide-rate", false, false],
    ["", false, false],
  ])("slug %j: stored %s, new %s", (slug, stored, created) => {
    expect(INDICATOR_SLUG_PATTERN.test(slug)).toBe(stored);
    expect(NEW_INDICATOR_SLUG_PATTERN.test(slug)).toBe(created);
  });
});
