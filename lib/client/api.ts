import { z } from "zod";
import { ZErrorBody } from "@/lib/api/error-body";
import { AppError } from "@/lib/errors";

// The browser side of the JSON routes: one way to call them, one error type to show.

/** An error answer as the browser receives it: the AppError a route threw, read back from its body. */
export class ApiError extends AppError {
  override name = "ApiError";
}

type Method = "POST" | "PATCH" | "DELETE";

const networkError = () => new ApiError(0, "network", "The server could not be reached.");

/** A route's answer: `data` checked against `schema`, or the ApiError its error body describes. */
function readAnswer<T>(status: number, statusText: string, payload: unknown, schema: z.ZodType<T>): T {
  if (status < 200 || status >= 300) {
    const parsed = ZErrorBody.safeParse(payload);
    if (!parsed.success) throw new ApiError(status, "internal_error", statusText);
    const { code, message, details } = parsed.data.error;
    throw new ApiError(status, code, message, details);
  }
  const data = z.object({ data: schema }).safeParse(payload);
  if (!data.success) throw new ApiError(status, "internal_error", "The server's answer was not understood.");
  return data.data.data;
}

/** Same-origin JSON call (the routes refuse cross-site ones); answers `data` checked against `schema`, or throws an ApiError. */
export async function callApi<T>(method: Method, url: string, schema: z.ZodType<T>, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      credentials: "same-origin",
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw networkError();
  }
  const payload: unknown = await response.json().catch(() => null);
  return readAnswer(response.status, response.statusText, payload, schema);
}

export type UploadProgress = { phase: "uploading"; fraction: number } | { phase: "processing" };

/**
 * callApi for a large POST body, reporting upload progress, then "processing" while the server works;
 * XMLHttpRequest is the only browser API that reports how much of a body has been sent.
 */
export function callApiWithProgress<T>(
  url: string,
  schema: z.ZodType<T>,
  body: unknown,
  onProgress: (progress: UploadProgress) => void,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.setRequestHeader("content-type", "application/json");
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress({ phase: "uploading", fraction: event.loaded / event.total });
    };
    xhr.upload.onload = () => onProgress({ phase: "processing" });
    xhr.onerror = () => reject(networkError());
    xhr.onload = () => {
      let payload: unknown = null;
      try {
        payload = JSON.parse(xhr.responseText);
      } catch {
        // Not JSON: reported as not understood.
      }
      try {
        resolve(readAnswer(xhr.status, xhr.statusText, payload, schema));
      } catch (error) {
        reject(error);
      }
    };
    xhr.send(JSON.stringify(body));
  });
}
