import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Every sentence exists in Spanish and in English: a key added in one language only would show its
// key (or nothing) to the readers of the other. Every namespace file is compared, so a workspace
// added later is checked too.

const DIRECTORY = path.dirname(new URL(import.meta.url).pathname);
type Messages = { [key: string]: string | Messages };

const read = (file: string) => JSON.parse(readFileSync(path.join(DIRECTORY, file), "utf8")) as Messages;

/** "form.qualifiers.about" → its text, for every leaf. */
function leaves(messages: Messages, prefix = ""): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, value] of Object.entries(messages)) {
    if (typeof value === "string") found.set(prefix + key, value);
    else for (const [inner, text] of leaves(value, `${prefix}${key}.`)) found.set(inner, text);
  }
  return found;
}

/** The names an ICU sentence fills in ({count}, {status, select, …}), also inside plural and select branches. */
function placeholders(sentence: string): string[] {
  const names = new Set<string>();
  let at = 0;
  const readUntil = (stops: string) => {
    const start = at;
    while (at < sentence.length && !stops.includes(sentence[at]!)) at++;
    return sentence.slice(start, at).trim();
  };
  // Text up to the end, or up to the "}" closing a branch (consumed).
  const text = (inBranch: boolean) => {
    while (at < sentence.length) {
      if (sentence[at] === "{") argument();
      else if (sentence[at] === "}" && inBranch) return void at++;
      else at++;
    }
  };
  const argument = () => {
    at++;
    names.add(readUntil(",}"));
    if (sentence[at++] === "}") return;
    readUntil(",}");
    if (sentence[at++] === "}") return;
    while (at < sentence.length) {
      readUntil("{}");
      if (sentence[at++] === "}") return;
      text(true);
    }
  };
  text(false);
  return [...names].sort();
}

const namespaceFiles = readdirSync(path.join(DIRECTORY, "es"))
  .filter((file) => file.endsWith(".json"))
  .sort();
const FILES = [["es.json", "en.json"], ...namespaceFiles.map((file) => [`es/${file}`, `en/${file}`])] as const;

describe("message files", () => {
  it("come in both languages for every namespace", () => {
    expect(
      readdirSync(path.join(DIRECTORY, "en"))
        .filter((file) => file.endsWith(".json"))
        .sort(),
    ).toEqual(namespaceFiles);
    expect(namespaceFiles).toEqual(
      expect.arrayContaining(["editor.json", "review.json", "figures.json", "users.json", "importResults.json"]),
    );
  });

  for (const [spanishFile, englishFile] of FILES) {
    it(`${spanishFile} and ${englishFile} have the same keys, each filling in the same values`, () => {
      const spanish = leaves(read(spanishFile));
      const english = leaves(read(englishFile));
      expect(
        [...spanish.keys()].filter((key) => !english.has(key)),
        `only in ${spanishFile}`,
      ).toEqual([]);
      expect(
        [...english.keys()].filter((key) => !spanish.has(key)),
        `only in ${englishFile}`,
      ).toEqual([]);
      const differing = [...spanish].filter(
        ([key, text]) => english.has(key) && placeholders(text).join() !== placeholders(english.get(key)!).join(),
      );
      expect(
        differing.map(([key]) => key),
        "sentences that fill in different values",
      ).toEqual([]);
    });
  }
});
