// The Content-Security-Policy of every page (docs/api.md, "Security headers"). Scripts run only with
// this request's nonce; 'strict-dynamic' lets those scripts load Next's chunks. Styles may be inline:
// React renders style attributes and Scalar injects <style> elements, and a nonce cannot cover
// attributes. Imports nothing: proxy.ts runs it on every page request.

/** Request header carrying the nonce from proxy.ts to the root layout. */
export const NONCE_HEADER = 'x-nonce';

/** 128 random bits, base64: unguessable and fresh for every page request. */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
}

export function contentSecurityPolicy(nonce: string, opts: { dev: boolean; https: boolean }): string {
  return [
    "default-src 'self'",
    // React's development build evaluates code to rebuild server stacks; the production build never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(opts.https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}
