// GET, POST /api/auth/* — next-auth's endpoints (csrf, credentials callback, session, sign-out).
import NextAuth from 'next-auth';
import type { NextRequest } from 'next/server';
import { authOptions } from '@/lib/auth/next-auth';

type Context = { params: Promise<{ nextauth: string[] }> };

async function handler(req: NextRequest, context: Context): Promise<Response> {
  const response: unknown = await NextAuth(req, context, authOptions());
  if (!(response instanceof Response)) throw new Error('next-auth returned no response');
  return response;
}

export { handler as GET, handler as POST };
