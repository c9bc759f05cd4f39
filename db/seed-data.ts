// The demo data set (docs/demo-data.md), as data: the orgs, their tills, staff and OAuth clients, and
// the platform's extended-field catalogue. lib/startup/seed.ts writes it. The passwords are for demos
// only; README.md says how to make real ones.
import type { extendedFieldCatalogue } from './schema';
import { SOURCES, type ApiAccess, type Region, type Source, type StaffRole } from '@/lib/vocabulary';

const WRITE: ApiAccess[] = ['customers:write'];
const READ: ApiAccess[] = ['customers:read'];

export const GLOBAL = -1,
  RETAIL = 1,
  HOSPITALITY = 2;

export const CATALOGUE: (typeof extendedFieldCatalogue.$inferInsert)[] = [
  {
    id: 1,
    name: 'gender',
    label: 'Gender',
    dataType: 'STANDARD_ENUM',
    enumValues: ['Male', 'Female', 'Other'],
    scope: 'CUSTOMER',
    verticalId: GLOBAL,
  },
  { id: 2, name: 'city', label: 'City', dataType: 'STRING', scope: 'CUSTOMER', verticalId: GLOBAL },
  { id: 3, name: 'state', label: 'State', dataType: 'STRING', scope: 'CUSTOMER', verticalId: GLOBAL },
  { id: 4, name: 'area', label: 'Area', dataType: 'STRING', scope: 'CUSTOMER', verticalId: GLOBAL },
  { id: 5, name: 'zip', label: 'ZIP code', dataType: 'STRING', scope: 'CUSTOMER', verticalId: GLOBAL },
  {
    id: 6,
    name: 'country_of_residence',
    label: 'Country of residence',
    dataType: 'COUNTRY',
    scope: 'CUSTOMER',
    verticalId: GLOBAL,
  },
  { id: 7, name: 'dob', label: 'Date of birth', dataType: 'DATETIME', scope: 'CUSTOMER', verticalId: GLOBAL },
  {
    id: 8,
    name: 'acquisition_channel',
    label: 'Acquisition channel',
    dataType: 'CUSTOM_ENUM',
    enumValues: ['Microsite', 'Facebook', 'Instore', 'Website'],
    scope: 'CUSTOMER',
    verticalId: RETAIL,
  },
  {
    id: 9,
    name: 'preferred_language',
    label: 'Preferred language',
    dataType: 'LANGUAGE',
    scope: 'CUSTOMER',
    verticalId: RETAIL,
  },
  { id: 10, name: 'custom_card_name', label: 'Card name', dataType: 'STRING', scope: 'CARD', verticalId: RETAIL },
  {
    id: 11,
    name: 'room_preference',
    label: 'Room preference',
    dataType: 'STRING',
    scope: 'CUSTOMER',
    verticalId: HOSPITALITY,
  },
  {
    id: 12,
    name: 'preferred_currency',
    label: 'Preferred currency',
    dataType: 'CURRENCY',
    scope: 'CUSTOMER',
    verticalId: HOSPITALITY,
  },
];

export interface OrgSeed {
  code: string;
  name: string;
  region: Region;
  sources: Source[];
  accounts?: [Source, string][];
  verticals: number[];
  unique: string[];
  /** ISO 3166 alpha-2: the search tries its calling code before a mobile typed without one. */
  defaultCountry?: string;
  tills: { code: string; password: string; access: ApiAccess[] }[];
  staff: { email: string; name: string; password: string; role: StaffRole }[];
  oauth?: { key: string; secret: string; access: ApiAccess[] }[];
}

export const ORGS: OrgSeed[] = [
  {
    code: 'demo',
    name: 'Demo Retail',
    region: 'ASIA1',
    sources: [...SOURCES],
    accounts: [
      ['LINE', '2001914141242'],
      ['MOBILE_APP', 'testmobilepush1'],
      ['WECHAT', 'wx-demo-1'],
      ['FACEBOOK', 'fb-demo-1'],
      ['WEB_ENGAGE', 'we-demo-1'],
    ],
    verticals: [RETAIL],
    unique: ['mobile', 'email', 'externalId', 'cardnumber', 'cuid', 'unionId', 'line', 'wechat'],
    defaultCountry: 'IN',
    tills: [
      { code: 'demo.till', password: 'Demo@123', access: WRITE },
      { code: 'readonly.till', password: 'Read@123', access: READ },
      { code: 'bukl.till', password: 'Bukl@123', access: WRITE },
    ],
    staff: [
      { email: 'admin@demo.example', name: 'Demo Admin', password: 'Admin@12345', role: 'admin' },
      { email: 'staff@demo.example', name: 'Demo Staff', password: 'Staff@12345', role: 'staff' },
      { email: 'supervisor@demo.example', name: 'Demo Supervisor', password: 'Super@12345', role: 'supervisor' },
    ],
    oauth: [
      { key: 'demo-key', secret: 'demo-secret', access: WRITE },
      // An integrator's administration key (docs/demo-data.md): staff and API clients through the API.
      { key: 'demo-admin-key', secret: 'demo-admin-secret', access: ['admin'] },
    ],
  },
  {
    code: 'other',
    name: 'Other Retail',
    region: 'EMEA',
    sources: ['INSTORE', 'WEBSITE'],
    verticals: [],
    unique: ['email'],
    tills: [{ code: 'other.till', password: 'Other@123', access: WRITE }],
    staff: [{ email: 'admin@other.example', name: 'Other Admin', password: 'Admin@12345', role: 'admin' }],
  },
  {
    code: 'bench',
    name: 'Bench',
    region: 'US',
    sources: ['INSTORE', 'WEBSITE'],
    verticals: [],
    unique: ['email'],
    tills: [{ code: 'bench.till', password: 'Bench@123', access: WRITE }],
    staff: [],
  },
];
