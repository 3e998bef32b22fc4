import { describe, expect, it } from "vitest";
import { quotedSegments } from "./quoted-segments";

const NAMES = ["Policía Nacional Civil", "President Bukele", "Security Minister Mauricio Ramírez", "Official figures"];
const quoted = (line: string) =>
  quotedSegments(line, NAMES)
    .filter((segment) => segment.quoted)
    .map((segment) => segment.text);
const own = (line: string) =>
  quotedSegments(line, NAMES)
    .filter((segment) => !segment.quoted)
    .map((segment) => segment.text)
    .join("|");

describe("quotedSegments", () => {
  it("marks every producer named in a source line, and leaves the site's words unmarked", () => {
    const line = "Fuentes: Policía Nacional Civil, President Bukele, Security Minister Mauricio Ramírez, Official figures y 12 más ·";
    expect(quoted(line)).toEqual(NAMES);
    expect(own(line)).toBe("Fuentes: |, |, |, | y 12 más ·");
    expect(
      quotedSegments(line, NAMES)
        .map((segment) => segment.text)
        .join(""),
    ).toBe(line);
  });

  it("marks the words of a name the line wraps or shortens", () => {
    expect(quoted("Fuentes: Policía Nacional Civil, Security Minister")).toEqual(["Policía Nacional Civil", "Security Minister"]);
    expect(quoted("Mauricio Ramírez, Official figures y 12 más ·")).toEqual(["Mauricio Ramírez", "Official figures"]);
    expect(quoted("Fuentes: President Bukele, Security…")).toEqual(["President Bukele", "Security"]);
  });

  it("does not mark a word inside another word", () => {
    expect(quoted("Fuentes: Officialdom")).toEqual([]);
    expect(quotedSegments("sin datos", NAMES)).toEqual([{ text: "sin datos", quoted: false }]);
  });
});
