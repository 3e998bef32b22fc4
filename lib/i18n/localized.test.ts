import { describe, expect, it } from "vitest";
import { langUnlessPage, localizedOrOther } from "./localized";

describe("localizedOrOther", () => {
  const both = { noteEs: "Cifra oficial", noteEn: "Official figure" };
  const englishOnly = { noteEs: null, noteEn: "Official figure" };
  const spanishOnly = { noteEs: "Cifra oficial", noteEn: null };

  it("gives the reader's language when the record has it", () => {
    expect(localizedOrOther(both, "note", "es")).toEqual({ text: "Cifra oficial", lang: "es" });
    expect(localizedOrOther(both, "note", "en")).toEqual({ text: "Official figure", lang: "en" });
  });

  it("falls back to the other language and says which, so the page can mark it", () => {
    const note = localizedOrOther(englishOnly, "note", "es")!;
    expect(note).toEqual({ text: "Official figure", lang: "en" });
    expect(langUnlessPage(note, "es")).toBe("en");
    expect(langUnlessPage(localizedOrOther(spanishOnly, "note", "en")!, "en")).toBe("es");
    expect(langUnlessPage(localizedOrOther(both, "note", "es")!, "es")).toBeUndefined();
  });

  it("is null when neither language has the text", () => {
    expect(localizedOrOther({ noteEs: null, noteEn: null }, "note", "es")).toBeNull();
    expect(localizedOrOther({ noteEs: "", noteEn: null }, "note", "en")).toBeNull();
  });
});
