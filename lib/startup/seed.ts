// The demo data set (docs/demo-data.md). Idempotent: every insert skips rows that exist.
// The passwords are for demos only; README.md says how to make real ones.
import bcrypt from 'bcryptjs';
import { eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import {
  apiClients,
  cardSeries,
  customFields,
  extendedFieldCatalogue,
  loyaltyPrograms,
  loyaltyTiers,
  orgs,
  orgSourceAccounts,
  orgSources,
  orgVerticals,
  registrationBenefits,
  registrationConfigs,
  staffUsers,
  statusLabels,
  tills,
  verticals,
} from '@/db/schema';
import { hashClientSecret, md5hex, newSalt } from '@/lib/auth/secrets';
import { IDENTIFIER_TYPES, SOURCES, type Region, type Source } from '@/lib/vocabulary';

const GLOBAL = -1,
  RETAIL = 1,
  HOSPITALITY = 2;

const CATALOGUE: (typeof extendedFieldCatalogue.$inferInsert)[] = [
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

interface OrgSeed {
  code: string;
  name: string;
  region: Region;
  sources: Source[];
  accounts?: [Source, string][];
  verticals: number[];
  unique: string[];
  tills: { code: string; password: string; write: boolean }[];
  staff: { email: string; name: string; password: string; role: 'admin' | 'staff' }[];
  oauth?: { key: string; secret: string; write: boolean }[];
}

const ORGS: OrgSeed[] = [
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
    tills: [
      { code: 'demo.till', password: 'Demo@123', write: true },
      { code: 'readonly.till', password: 'Read@123', write: false },
      { code: 'bukl.till', password: 'Bukl@123', write: true },
    ],
    staff: [
      { email: 'admin@demo.example', name: 'Demo Admin', password: 'Admin@12345', role: 'admin' },
      { email: 'staff@demo.example', name: 'Demo Staff', password: 'Staff@12345', role: 'staff' },
    ],
    oauth: [{ key: 'demo-key', secret: 'demo-secret', write: true }],
  },
  {
    code: 'other',
    name: 'Other Retail',
    region: 'EMEA',
    sources: ['INSTORE', 'WEBSITE'],
    verticals: [],
    unique: ['email'],
    tills: [{ code: 'other.till', password: 'Other@123', write: true }],
    staff: [{ email: 'admin@other.example', name: 'Other Admin', password: 'Admin@12345', role: 'admin' }],
  },
  {
    code: 'bench',
    name: 'Bench',
    region: 'US',
    sources: ['INSTORE', 'WEBSITE'],
    verticals: [],
    unique: ['email'],
    tills: [{ code: 'bench.till', password: 'Bench@123', write: true }],
    staff: [],
  },
];

/** The platform's own data, which every database needs: the verticals and the extended-field catalogue. */
export async function seedPlatformData(db: DbOrTx): Promise<void> {
  await db
    .insert(verticals)
    .values([
      { id: GLOBAL, name: 'Global' },
      { id: RETAIL, name: 'Retail' },
      { id: HOSPITALITY, name: 'Hospitality' },
    ])
    .onConflictDoNothing();
  await db.insert(extendedFieldCatalogue).values(CATALOGUE).onConflictDoNothing();
}

/** The platform data and the demo orgs with their logins and API clients: never loaded unasked in production. */
export async function seedDemoData(db: Db): Promise<void> {
  await db.transaction(async (tx) => {
    await seedPlatformData(tx);
    for (const seed of ORGS) await seedOrg(tx, seed);
  });
}

async function seedOrg(tx: DbOrTx, seed: OrgSeed): Promise<void> {
  await tx.insert(orgs).values({ code: seed.code, name: seed.name, region: seed.region }).onConflictDoNothing();
  const [org] = await tx.select({ id: orgs.id }).from(orgs).where(eq(orgs.code, seed.code));
  if (!org) throw new Error(`seed: org ${seed.code} missing`);
  const orgId = org.id;

  await tx
    .insert(registrationConfigs)
    .values({
      orgId,
      primaryIdentifier: 'mobile',
      allowedIdentifierTypes: [...IDENTIFIER_TYPES],
      mandatoryIdentifierTypes: [],
      uniqueIdentifierTypes: seed.unique,
    })
    .onConflictDoNothing();
  await tx
    .insert(orgSources)
    .values(seed.sources.map((source) => ({ orgId, source })))
    .onConflictDoNothing();
  if (seed.accounts?.length) {
    await tx
      .insert(orgSourceAccounts)
      .values(seed.accounts.map(([source, accountId]) => ({ orgId, source, accountId, name: accountId })))
      .onConflictDoNothing();
  }
  if (seed.verticals.length) {
    await tx
      .insert(orgVerticals)
      .values(seed.verticals.map((verticalId) => ({ orgId, verticalId })))
      .onConflictDoNothing();
  }

  const existingTills = new Set(
    (await tx.select({ code: tills.code }).from(tills).where(eq(tills.orgId, orgId))).map((t) => t.code),
  );
  for (const till of seed.tills) {
    if (existingTills.has(till.code)) continue;
    const [row] = await tx
      .insert(tills)
      .values({ orgId, code: till.code, name: till.code })
      .returning({ id: tills.id });
    const salt = newSalt();
    await tx
      .insert(apiClients)
      .values({
        orgId,
        kind: 'TILL',
        key: till.code,
        tillId: row?.id,
        secretSalt: salt,
        secretHash: await hashClientSecret(md5hex(till.password), salt),
        canWriteCustomers: till.write,
      })
      .onConflictDoNothing();
  }
  for (const client of seed.oauth ?? []) {
    const salt = newSalt();
    await tx
      .insert(apiClients)
      .values({
        orgId,
        kind: 'OAUTH_CLIENT',
        key: client.key,
        secretSalt: salt,
        secretHash: await hashClientSecret(md5hex(client.secret), salt),
        canWriteCustomers: client.write,
      })
      .onConflictDoNothing();
  }
  const existingStaff = new Set(
    (await tx.select({ email: staffUsers.email }).from(staffUsers).where(eq(staffUsers.orgId, orgId))).map(
      (s) => s.email,
    ),
  );
  for (const person of seed.staff) {
    if (existingStaff.has(person.email)) continue;
    await tx
      .insert(staffUsers)
      .values({
        orgId,
        email: person.email,
        name: person.name,
        role: person.role,
        passwordHash: await bcrypt.hash(person.password, 10),
      })
      .onConflictDoNothing();
  }

  if (seed.code !== 'demo') return;
  const fields = [
    'employee',
    'dateofbirth',
    'gender',
    'city',
    'kanjifirstname',
    'kanjilastname',
    'email2',
    'mobile2',
    'fax',
    'customer_address',
  ];
  await tx
    .insert(customFields)
    .values(
      fields.map((name, position) => ({
        orgId,
        name,
        label: name,
        dataType: 'STRING' as const,
        position,
      })),
    )
    .onConflictDoNothing();
  await tx
    .insert(statusLabels)
    .values([
      { orgId, name: 'active-1', status: 'ACTIVE' as const },
      { orgId, name: 'Gold Member', status: 'ACTIVE' as const },
      { orgId, name: 'On hold', status: 'SUSPENDED' as const },
    ])
    .onConflictDoNothing();
  await tx.insert(cardSeries).values({ orgId, id: 73, name: 'Mystays cards' }).onConflictDoNothing();
  await tx
    .insert(loyaltyPrograms)
    .values([
      { orgId, id: 469, name: 'Demo Loyalty', type: 'DEFAULT' as const, referralBonusPoints: 100 },
      { orgId, id: 470, name: 'Demo Club', type: 'SUPPLEMENTARY' as const },
    ])
    .onConflictDoNothing();
  await tx
    .insert(loyaltyTiers)
    .values([
      { orgId, programId: 469, number: 1, name: 'Silver' },
      { orgId, programId: 469, number: 2, name: 'Gold' },
      { orgId, programId: 469, number: 3, name: 'Platinum' },
      { orgId, programId: 470, number: 1, name: 'Member' },
    ])
    .onConflictDoNothing();
  const benefits = await tx
    .select({ id: registrationBenefits.id })
    .from(registrationBenefits)
    .where(eq(registrationBenefits.orgId, orgId));
  if (benefits.length === 0) {
    await tx.insert(registrationBenefits).values([
      { orgId, programId: 470, type: 'points' as const, amount: 200 },
      {
        orgId,
        programId: 470,
        type: 'coupon' as const,
        couponDescription: 'Welcome Offer - 10% flat discount',
        couponType: 'PE',
        couponValidDays: 30,
        discountCode: 'NO_VALUE',
      },
      {
        orgId,
        programId: 470,
        type: 'alternate_currency' as const,
        amount: 110,
        currencyIdentifier: 'rgpws7',
        currencyName: 'ac1',
      },
    ]);
  }
}
