'use server';
// Server action of the Registration Configuration editor. It checks the session itself (never the
// page's or the proxy's word), re-reads the user so a demoted or deactivated admin is refused at
// once, and saves for the session's org only: nothing the browser sends names an org.
import { randomUUID } from 'node:crypto';
import { getDb } from '@/db/client';
import { findActiveStaffUserByEmail } from '@/db/queries/staff-users';
import { may } from '@/lib/auth/access';
import { getStaffSession } from '@/lib/auth/require-staff';
import { saveOrgConfig, type SaveOrgConfigResult } from '@/lib/config/save';
import { log, loggableError } from '@/lib/log';

const refused = (message: string): SaveOrgConfigResult => ({ ok: false, fieldErrors: {}, message });

export async function saveRegistrationSettings(input: unknown): Promise<SaveOrgConfigResult> {
  const staff = await getStaffSession();
  if (!staff) return refused('Your session has ended. Sign in again; nothing was saved.');
  const db = await getDb();
  const user = await findActiveStaffUserByEmail(db, staff.email);
  if (!user || user.orgId !== staff.orgId || !may(user, 'admin')) {
    return refused('Only admins can change the Registration Configuration. Nothing was saved.');
  }
  const requestId = randomUUID();
  try {
    return await saveOrgConfig(db, staff.orgId, input, { type: 'STAFF', code: staff.email, requestId });
  } catch (err) {
    log.error({ err: loggableError(err), requestId, orgId: staff.orgId }, 'configuration save failed');
    return refused(
      `The configuration could not be saved (request ${requestId}). Nothing was changed; please try again.`,
    );
  }
}
