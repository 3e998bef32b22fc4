import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { ApiError, callApi } from "./api";

const answer = (status: number, body: unknown) =>
  vi.fn(async () => new Response(typeof body === "string" ? body : JSON.stringify(body), { status, statusText: "Status text" }));

afterEach(() => vi.unstubAllGlobals());

describe("callApi", () => {
  it("answers the route's data, checked against the schema, and sends JSON from this origin", async () => {
    const fetch = answer(200, { data: { id: "a1" } });
    vi.stubGlobal("fetch", fetch);
    await expect(callApi("POST", "/api/editor/x", z.object({ id: z.string() }), { name: "n" })).resolves.toEqual({ id: "a1" });
    expect(fetch).toHaveBeenCalledWith("/api/editor/x", {
      method: "POST",
      credentials: "same-origin",
      headers: { "content-type": "application/json" },
      body: '{"name":"n"}',
    });
  });

  it("throws the error the server's { error: { code, message, details } } describes", async () => {
    vi.stubGlobal("fetch", answer(409, { error: { code: "conflict", message: "Changed.", details: { current: 1 } } }));
    const error = await callApi("PATCH", "/x", z.unknown(), {}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ name: "ApiError", status: 409, code: "conflict", message: "Changed.", details: { current: 1 } });
  });

  it("names what it cannot read: another error body, an answer of another shape, no answer at all", async () => {
    vi.stubGlobal("fetch", answer(502, "<html>"));
    await expect(callApi("DELETE", "/x", z.unknown())).rejects.toMatchObject({
      status: 502,
      code: "internal_error",
      message: "Status text",
    });
    vi.stubGlobal("fetch", answer(200, { data: { id: 1 } }));
    await expect(callApi("POST", "/x", z.object({ id: z.string() }))).rejects.toMatchObject({
      code: "internal_error",
      message: "The server's answer was not understood.",
    });
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => Promise.reject(new TypeError("offline"))),
    );
    await expect(callApi("POST", "/x", z.unknown())).rejects.toMatchObject({ status: 0, code: "network" });
  });
});
