// next-auth for staff: email + password checked against staff_users, a JWT session carrying the
// staff member's org and role. Built lazily: env() must not run while `next build` imports modules.
import bcrypt from 'bcryptjs';
import type { NextAuthOptions, User } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { findActiveStaffUserByEmail, recordStaffSignIn } from '@/db/queries/staff-users';
import { authSecret } from '@/lib/env';
import { clientAddress } from '@/lib/http/client-address';
import { log, loggableError } from '@/lib/log';
import { verifySecondFactor } from '@/lib/admin/totp';
import { attemptFailed, attemptSucceeded, beginAttempt, CredentialThrottledError } from './credential-throttle';
import { staffClaimsOf } from './session-token';

/** A shift at the counter, so nobody signs in twice a day. */
const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;
/** Compared against when the email is unknown, so timing does not tell which part was wrong. */
const DUMMY_HASH = '$2b$10$CwTycUXWue0Thq9StjUM0uJ8.r3bW9cXGGDM5YBzj6OvmTtsU8G6q';

const CredentialsSchema = z.object({
  email: z.string().trim().toLowerCase().max(320),
  password: z.string().max(200),
  /** The second factor, for admins who turned TOTP on: a current code or a recovery code. */
  code: z.string().trim().max(64).optional(),
});

/** The password was right and a second factor is needed: the form asks for the code (its message is for it). */
export class SecondFactorRequired extends Error {
  constructor() {
    super('SecondFactorRequired');
    this.name = 'SecondFactorRequired';
  }
}

/** Checks a sign-in (exported for tests and scripts); the user, or null when email or password is wrong. */
export async function authorizeStaffSignIn(
  credentials: Record<string, string> | undefined,
  headers: Record<string, unknown> | undefined,
): Promise<User | null> {
  const parsed = CredentialsSchema.safeParse(credentials ?? {});
  if (!parsed.success || !parsed.data.email || !parsed.data.password) return null;
  const { email, password } = parsed.data;
  const address = clientAddress((name) => {
    const value = headers?.[name];
    return typeof value === 'string' ? value : null;
  });
  // Thrown errors reach the sign-in form as their message: the throttling one is meant for people.
  const attempt = await beginAttempt('staff', email, address);
  const user = await findActiveStaffUserByEmail(await getDb(), email);
  const ok = await bcrypt.compare(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok) {
    await attemptFailed(attempt);
    return null;
  }
  if (user.totpEnabled) {
    if (!parsed.data.code) throw new SecondFactorRequired();
    if (!(await verifySecondFactor(await getDb(), user, parsed.data.code))) {
      await attemptFailed(attempt);
      return null;
    }
  }
  await attemptSucceeded(attempt);
  await recordStaffSignIn(await getDb(), user.orgId, user.id);
  return {
    id: String(user.id),
    userId: user.id,
    orgId: user.orgId,
    role: user.role,
    name: user.name,
    email: user.email,
  };
}

let cached: NextAuthOptions | undefined;

export function authOptions(): NextAuthOptions {
  cached ??= {
    secret: authSecret(),
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: '/login', error: '/login' },
    providers: [
      CredentialsProvider({
        name: 'Staff',
        credentials: {
          email: { label: 'Email', type: 'email' },
          password: { label: 'Password', type: 'password' },
          code: { label: 'Authentication code', type: 'text' },
        },
        authorize: (credentials, req) =>
          authorizeStaffSignIn(credentials, req.headers).catch((err: unknown) => {
            // next-auth sends a thrown error's message to the browser: only the throttle's is for people.
            if (err instanceof CredentialThrottledError || err instanceof SecondFactorRequired) throw err;
            log.error({ err: loggableError(err) }, 'sign-in failed');
            throw new Error('SignInUnavailable');
          }),
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          const claims = staffClaimsOf(user);
          if (claims) Object.assign(token, claims);
        }
        return token;
      },
      session({ session, token }) {
        const claims = staffClaimsOf(token);
        if (claims)
          session.user = {
            name: claims.name,
            email: claims.email,
            orgId: claims.orgId,
            role: claims.role,
            userId: claims.userId,
          };
        return session;
      },
    },
  };
  return cached;
}
