import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/client/api";
import en from "@/lib/i18n/messages/en/editor.json";
import es from "@/lib/i18n/messages/es/editor.json";
import { errorText, fromApiError } from "./field-errors";

const refusal = (status: number, code: string, details?: unknown) => new ApiError(status, code, "The API's English sentence.", details);

describe("errorText", () => {
  it("shows the sentence for the refusal's code in the reader's language, filled from details.params", () => {
    expect(errorText(refusal(409, "not_a_draft", { params: { status: "published" } }), es.errors, "es")).toBe(
      "Esta cifra ya no es un borrador: está publicada.",
    );
    expect(errorText(refusal(409, "not_a_draft", { params: { status: "published" } }), en.errors, "en")).toBe(
      "This figure is no longer a draft: it is published.",
    );
    expect(errorText(refusal(400, "unknown_indicator", { params: { slug: "tasa_x" } }), es.errors, "es")).toBe(
      "No hay ningún indicador «tasa_x». Elija uno de la lista.",
    );
  });

  it("never shows the server's English: an unknown code reads as its kind, anything else as the general sentence", () => {
    expect(errorText(refusal(403, "some_new_refusal"), es.errors, "es")).toBe(es.errors.forbidden);
    expect(errorText(refusal(409, "some_new_conflict"), es.errors, "es")).toBe(es.errors.conflict);
    expect(errorText(refusal(418, "teapot"), es.errors, "es")).toBe(es.errors.internal_error);
    expect(errorText(new Error("boom"), es.errors, "es")).toBe(es.errors.internal_error);
    expect(errorText(refusal(0, "network"), es.errors, "es")).toBe(es.errors.network);
  });

  it("falls back to the sentence for the refusal's kind when a value is missing, rather than showing a broken one", () => {
    expect(errorText(refusal(409, "already_decided"), es.errors, "es")).toBe(es.errors.conflict);
    expect(errorText(refusal(400, "unknown_indicator"), es.errors, "es")).toBe(es.errors.invalid_request);
  });

  it("lets a workspace's own sentence win over the shared one", () => {
    expect(errorText(refusal(403, "forbidden"), { ...es.errors, forbidden: "Solo el equipo de revisión." }, "es")).toBe(
      "Solo el equipo de revisión.",
    );
  });
});

describe("fromApiError", () => {
  it("translates each field's complaint by its path", () => {
    const error = refusal(400, "invalid_request", { fields: [{ path: "observation.source.url", message: "Invalid URL" }] });
    expect(fromApiError(error, es.fieldErrors, "observation.")).toEqual({ "source.url": es.fieldErrors.source.url });
    expect(fromApiError(refusal(400, "reason_required", { field: "reason" }), es.fieldErrors)).toEqual({ reason: es.fieldErrors.reason });
  });
});
