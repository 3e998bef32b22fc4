import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Issue 12, finding 2: a body read with request.text() or .json() is read whole, whatever its size.
// Every server-side body goes through lib/api/request-body.ts, which stops at the route's limit.

const ROOT = path.resolve(__dirname, "../..");
const READER = path.join("lib", "api", "request-body.ts");
// Reading a Request's body whole: .text(), .json(), .formData(), .arrayBuffer(), .blob(), or its stream.
const WHOLE_BODY = /\b(?:request|req)\.(?:text|json|formData|arrayBuffer|blob|bytes)\(\)|\b(?:request|req)\.body\b/;

function serverFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : serverFiles(relative);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [relative] : [];
  });
}

describe("request bodies", () => {
  it("are read only by the limited reader, in every route handler and server module", () => {
    const files = [...serverFiles("app"), ...serverFiles("lib")].filter((file) => file !== READER);
    expect(files.filter((file) => file.endsWith("route.ts")).length).toBeGreaterThan(20);
    const offenders = files.filter((file) => WHOLE_BODY.test(readFileSync(path.join(ROOT, file), "utf8")));
    expect(offenders).toEqual([]);
  });
});
