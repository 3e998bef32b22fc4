import { readBodyText, readJsonBody } from "../api/request-body";
import { badRequest } from "../errors";

// A report arrives as JSON from the page's script, or as a plain form post from a browser without it.
// A reader's report is a few kilobytes: 32 KB holds the longest message and link even percent-encoded.
export const REPORT_BODY_LIMIT_BYTES = 32 * 1024;

const FORM = "application/x-www-form-urlencoded";

/** The body's fields, and whether they came from a plain HTML form (which expects a redirect, not JSON). */
export async function readFormOrJsonBody(request: Request): Promise<{ fromForm: boolean; body: Record<string, unknown> }> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type === FORM) {
    const fields = new URLSearchParams(await readBodyText(request, REPORT_BODY_LIMIT_BYTES));
    // No prototype: a field named "__proto__" or "constructor" is just a field. The first of a repeated one counts.
    const body: Record<string, unknown> = Object.create(null);
    for (const [name, value] of fields) if (!Object.hasOwn(body, name)) body[name] = value;
    return { fromForm: true, body };
  }
  const json = await readJsonBody(request, REPORT_BODY_LIMIT_BYTES);
  if (!json || typeof json !== "object" || Array.isArray(json)) throw badRequest("Send the report as a JSON object.");
  return { fromForm: false, body: json as Record<string, unknown> };
}
