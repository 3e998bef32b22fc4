import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

export type RequestContext = { requestId: string };

// One store for the whole process: the web server sets it, and code inside Next.js's route
// bundles (which load their own copies of modules) reads the same one.
const KEY = Symbol.for("contraste.requestContext");
type Holder = typeof globalThis & { [KEY]?: AsyncLocalStorage<RequestContext> };

export function requestContextStore(): AsyncLocalStorage<RequestContext> {
  const holder = globalThis as Holder;
  holder[KEY] ??= new AsyncLocalStorage<RequestContext>();
  return holder[KEY];
}

export const currentRequestId = (): string | undefined => requestContextStore().getStore()?.requestId;

/** A proxy's id is kept when it looks like one (letters, digits, dashes; not too long); otherwise a new one. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && /^[A-Za-z0-9._:-]{8,128}$/.test(value) ? value : randomUUID();
}
