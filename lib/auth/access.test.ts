import { describe, expect, it } from 'vitest';
import { API_ACCESS, STAFF_ROLES, type ApiAccess, type StaffRole } from '@/lib/vocabulary';
import { may } from './access';

describe('may', () => {
  it('answers each staff role as the contract says', () => {
    const table = Object.fromEntries(
      STAFF_ROLES.map((role) => [role, API_ACCESS.filter((a) => may({ role }, a))]),
    ) as Record<StaffRole, ApiAccess[]>;
    expect(table).toEqual({
      staff: ['customers:read', 'customers:write'],
      supervisor: ['customers:read', 'customers:write', 'requests:approve'],
      admin: [...API_ACCESS],
    });
  });

  it('refuses everything to staff who must first choose a new password', () => {
    expect(API_ACCESS.filter((a) => may({ role: 'admin', mustChangePassword: true }, a))).toEqual([]);
  });

  it.each<[ApiAccess[], ApiAccess[]]>([
    [[], []],
    [['customers:read'], ['customers:read']],
    [['customers:write'], ['customers:read', 'customers:write', 'customers:import']],
    [['requests:approve'], ['requests:approve']],
    [
      ['webhooks:manage', 'customers:read'],
      ['customers:read', 'webhooks:manage'],
    ],
    [['admin'], [...API_ACCESS]],
  ])('a client holding %j may %j', (access, granted) => {
    expect(API_ACCESS.filter((a) => may({ access }, a))).toEqual(granted);
  });
});
