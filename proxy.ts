// Signed-out visitors of /member-care pages go to /login and back, without rendering anything.
// A convenience only: every page checks the session itself (lib/auth/require-staff.ts).
import { NextResponse, type NextRequest } from 'next/server';
import { loginUrlFor, PATH_HEADER } from '@/lib/auth/callback-url';
import { sessionTokenOf } from '@/lib/auth/session-token';

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const from = `${pathname}${search}`;
  if (!sessionTokenOf((name) => request.cookies.get(name)?.value)) {
    return NextResponse.redirect(new URL(loginUrlFor(from), request.url));
  }
  const headers = new Headers(request.headers);
  headers.set(PATH_HEADER, from);
  return NextResponse.next({ request: { headers } });
}

export const config = { matcher: ['/member-care/:path*'] };
