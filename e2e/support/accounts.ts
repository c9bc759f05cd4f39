import path from 'node:path';

/** Demo staff of org `demo` (docs/demo-data.md), and where each role's signed-in state is kept. */
export const STAFF = { email: 'staff@demo.example', password: 'Staff@12345', name: 'Demo Staff' } as const;
export const ADMIN = { email: 'admin@demo.example', password: 'Admin@12345', name: 'Demo Admin' } as const;
/** The admin of org `other`: e2e/two-servers.spec.ts saves that org's configuration, not demo's. */
export const OTHER_ADMIN = { email: 'admin@other.example', password: 'Admin@12345', name: 'Other Admin' } as const;

const AUTH_DIR = path.join(import.meta.dirname, '..', '.auth');
export const STAFF_STATE = path.join(AUTH_DIR, 'staff.json');
export const ADMIN_STATE = path.join(AUTH_DIR, 'admin.json');

/** Screenshots a person should look at: kept with the run's artifacts, never committed. */
export const SCREENSHOT_DIR = path.join(import.meta.dirname, '..', '..', 'test-results', 'screenshots');
