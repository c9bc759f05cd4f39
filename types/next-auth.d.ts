// Our claims on next-auth's user, session and token (see lib/auth/session-token.ts).
import type { StaffRole } from '@/lib/vocabulary';

declare module 'next-auth' {
  interface User {
    userId: number;
    orgId: number;
    role: StaffRole;
  }
  interface Session {
    user: { name: string; email: string; userId: number; orgId: number; role: StaffRole };
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    userId?: number;
    orgId?: number;
    role?: StaffRole;
  }
}
