/**
 * The policy for every page. Scripts run only from this site and only with the nonce of the
 * render they came with; nothing may frame a page except an embed, which newsrooms frame.
 */
export function contentSecurityPolicy(options: { nonce: string; frameable: boolean; development?: boolean }): string {
  return [
    "default-src 'self'",
    // React's development build evaluates strings; production never does.
    `script-src 'self' 'nonce-${options.nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${options.frameable ? "*" : "'none'"}`,
  ].join("; ");
}

/** 16 random bytes, base64: unguessable per render. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export const isEmbedPath = (pathname: string) => /^\/(?:es|en)\/embed\//.test(pathname);
