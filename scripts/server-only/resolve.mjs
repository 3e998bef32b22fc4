// The resolve hook registered by ./register.mjs.
export const SERVER_ONLY_OUTSIDE_NEXT = "next/dist/compiled/server-only/empty.js";

export async function resolve(specifier, context, nextResolve) {
  return nextResolve(specifier === "server-only" ? SERVER_ONLY_OUTSIDE_NEXT : specifier, context);
}
