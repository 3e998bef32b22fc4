import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import changesEn from "./en/changes.json";
import editorEn from "./en/editor.json";
import importEn from "./en/import.json";
import changesEs from "./es/changes.json";
import editorEs from "./es/editor.json";
import importEs from "./es/import.json";

// Client components fill placeholders with next-intl (ICU); these are the sentences they wrote before.
const importText = (locale: "en" | "es") =>
  createTranslator({ locale, messages: { import: locale === "en" ? importEn : importEs }, namespace: "import.ui" });

describe("import messages", () => {
  it("write numbers the reader's way", () => {
    expect(importText("en")("preview.truncated", { shown: 100, total: 1000 })).toBe(
      "The server lists the first 100 of 1,000 problems. Fix these and check again to see the rest.",
    );
    expect(importText("es")("pages.pageOf", { page: 2, pageCount: 2000 })).toBe("Página 2 de 2000");
    expect(importText("es")("pages.pageOf", { page: 2, pageCount: 20000 })).toBe("Página 2 de 20.000");
    expect(importText("es")("file.tooLarge", { size: 23.4 })).toMatch(/^Este archivo pesa 23,4 MB;/);
    expect(importText("en")("import.uploading", { percent: 40 })).toBe("Sending the file: 40%");
  });

  it("pick the singular or plural form by count", () => {
    const en = importText("en");
    expect(en("import.button", { count: 1 })).toBe("Import 1 figure as a draft");
    expect(en("import.button", { count: 0 })).toBe("Import 0 figures as drafts");
    expect(en("import.button", { count: 1500 })).toBe("Import 1,500 figures as drafts");
    expect(importText("es")("import.created", { count: 3 })).toBe("Se importaron 3 borradores");
    expect(en("file.summary", { count: 1, name: "a.csv" })).toBe("a.csv: 1 row below the header.");
    expect(en("preview.sampleCaption", { count: 1 })).toBe("The first new figure, as it will be saved");
    expect(en("preview.sampleCaption", { count: 5 })).toBe("The first 5 new figures, as they will be saved");
  });

  it("leave text from the server or the file as it is", () => {
    expect(importText("en")("errors.generic", { message: "Row {3}: it's '#1'" })).toBe("Something went wrong: Row {3}: it's '#1'");
  });
});

describe("editor and admin messages", () => {
  it("name the version and the record", () => {
    const editor = createTranslator({ locale: "es", messages: { editor: editorEs }, namespace: "editor.form" });
    expect(editor("conflictLoad", { version: 12 })).toBe("Descartar mis cambios y cargar la versión 12");
    const admin = createTranslator({ locale: "en", messages: { changes: changesEn }, namespace: "changes.admin" });
    expect(admin("tokens.revokeLabel", { name: "nightly {sync}" })).toBe("Revoke the token nightly {sync}");
    expect(
      createTranslator({ locale: "en", messages: { editor: editorEn }, namespace: "editor.form" })("conflictBody", { version: 3 }),
    ).toContain("(version 3)");
    expect(
      createTranslator({ locale: "es", messages: { changes: changesEs }, namespace: "changes.admin" })("users.added", { name: "Ana" }),
    ).toBe("Se añadió a Ana.");
  });
});
