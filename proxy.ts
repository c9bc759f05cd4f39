// Every page request: a fresh script nonce and the Content-Security-Policy naming it (Next reads the
// nonce from the request's CSP header and puts it on its own scripts; the root layout reads it too,
// which also makes every page render per request). Signed-out visitors of /member-care pages go to
// /login and back, without rendering anything: a convenience only, every page checks the session
// itself (lib/auth/require-staff.ts). API routes and static files skip this (next.config.mjs sets
// the headers every response carries).
import { NextResponse, type NextRequest } from 'next/server';
import { loginUrlFor, PATH_HEADER } from '@/lib/auth/callback-url';
import { sessionTokenOf } from '@/lib/auth/session-token';
import { contentSecurityPolicy, newNonce, NONCE_HEADER } from '@/lib/http/content-security-policy';

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, {
    dev: process.env.NODE_ENV === 'development',
    https: request.headers.get('x-forwarded-proto') === 'https',
  });
  let response: NextResponse;
  if (pathname.startsWith('/member-care') && !sessionTokenOf((name) => request.cookies.get(name)?.value)) {
    response = NextResponse.redirect(new URL(loginUrlFor(`${pathname}${search}`), request.url));
  } else {
    const headers = new Headers(request.headers);
    headers.set(NONCE_HEADER, nonce);
    headers.set('content-security-policy', csp);
    headers.set(PATH_HEADER, `${pathname}${search}`);
    response = NextResponse.next({ request: { headers } });
  }
  response.headers.set('content-security-policy', csp);
  return response;
}

export const config = {
  // Pages only: not the API (/v2, /v3, /api), not Next's static files.
  matcher: ['/((?!_next/static|_next/image|favicon\\.ico|v2(?:/|$)|v3(?:/|$)|api/).*)'],
};
