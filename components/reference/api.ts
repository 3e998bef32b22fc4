import { z } from "zod";
import { callApi } from "@/lib/client/api";

/** What a proposed edit or new record answers (202): the proposal, pending until a reviewer applies it. */
export const ZSavedRecord = z.object({ id: z.string(), status: z.string() });
export type SavedRecord = z.infer<typeof ZSavedRecord>;

/** Proposes a new record (POST) or an edit (PATCH) through /api/editor/<section>. */
export const saveRecord = (method: "POST" | "PATCH", url: string, body: unknown): Promise<SavedRecord> =>
  callApi(method, url, ZSavedRecord, body);
