import { describe, expect, it } from "vitest";
import { dateNoteFor } from "./date-note";

describe("dateNoteFor", () => {
  it("gives the reader's language when the note exists in it", () => {
    const event = { dateNoteEs: "Fecha de la publicación.", dateNoteEn: "Date of report." };
    expect(dateNoteFor(event, "es")).toEqual({ text: "Fecha de la publicación." });
    expect(dateNoteFor(event, "en")).toEqual({ text: "Date of report." });
  });

  it("falls back to the other language and marks it", () => {
    expect(dateNoteFor({ dateNoteEs: null, dateNoteEn: "Date of report." }, "es")).toEqual({ text: "Date of report.", lang: "en" });
    expect(dateNoteFor({ dateNoteEs: "Fecha.", dateNoteEn: null }, "en")).toEqual({ text: "Fecha.", lang: "es" });
    expect(dateNoteFor({ dateNoteEs: null, dateNoteEn: null }, "es")).toBeNull();
  });
});
