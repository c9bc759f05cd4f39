// The demo data set (docs/demo-data.md). Idempotent: every insert skips rows that exist.
// The data itself is db/seed-data.ts.
import bcrypt from 'bcryptjs';
import { and, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '@/db/client';
import {
  apiClients,
  cardSeries,
  customFields,
  extendedFieldCatalogue,
  identityKeys,
  loyaltyPrograms,
  loyaltyTiers,
  orgExtendedFieldSettings,
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
import { CATALOGUE, GLOBAL, HOSPITALITY, ORGS, RETAIL, type OrgSeed } from '@/db/seed-data';
import { IDENTIFIER_TYPES } from '@/lib/vocabulary';
import type { Actor } from '@/lib/auth/actor';
import { loadOrgConfig } from '@/lib/config/load';
import { registerCustomer } from '@/lib/customers/register';
import { ApiError } from '@/lib/errors';
import { sampleCustomers } from './sample-customers';

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
export async function seedDemoData(db: Db, { samples = true }: { samples?: boolean } = {}): Promise<void> {
  await db.transaction(async (tx) => {
    await seedPlatformData(tx);
    for (const seed of ORGS) await seedOrg(tx, seed);
  });
  if (samples) await seedSampleCustomers(db);
}

/**
 * The demo org's sample customers (lib/startup/sample-customers.ts), registered by till demo.till through
 * the engine of POST /v2/customers: history, search words and loyalty as for any registration. Skipped
 * when the last one is there already; one that is there (a run cut short) is passed over.
 */
async function seedSampleCustomers(db: Db): Promise<void> {
  const bodies = sampleCustomers();
  const [org] = await db.select({ id: orgs.id }).from(orgs).where(eq(orgs.code, 'demo'));
  if (!org) throw new Error('seed: org demo missing');
  const lastMobile = String(bodies.at(-1)?.profiles[0]?.identifiers?.[0]?.value ?? '');
  const [seeded] = await db
    .select({ id: identityKeys.customerId })
    .from(identityKeys)
    .where(and(eq(identityKeys.orgId, org.id), eq(identityKeys.type, 'mobile'), eq(identityKeys.value, lastMobile)));
  if (seeded) return;
  const config = await loadOrgConfig(db, org.id);
  const [till] = await db
    .select({ id: apiClients.id, tillId: apiClients.tillId })
    .from(apiClients)
    .where(and(eq(apiClients.orgId, org.id), eq(apiClients.key, 'demo.till')));
  if (!config || !till) throw new Error('seed: org demo incomplete');
  const actor: Actor = {
    type: 'TILL',
    orgId: org.id,
    clientId: till.id,
    code: 'demo.till',
    tillId: till.tillId,
    access: ['customers:write'],
  };
  const register = async (body: unknown, n: number) => {
    try {
      await registerCustomer(db, { config, actor, body, requestId: `seed-sample-${n}`, userContext: null });
    } catch (err) {
      // Registered by an earlier run that was cut short: the same person, nothing to do.
      if (!(err instanceof ApiError && err.items.every((i) => i.code === 8006))) throw err;
    }
  };
  // A few at a time: PostgreSQL's pool writes them side by side; PGlite takes them in turn.
  const width = 4;
  for (let n = 0; n < bodies.length; n += width) {
    await Promise.all(bodies.slice(n, n + width).map((body, k) => register(body, n + k)));
  }
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
      defaultCountry: seed.defaultCountry ?? null,
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
        access: till.access,
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
        access: client.access,
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
  // The labels a person would write (docs/demo-data.md); a database seeded before they existed, its
  // labels still the raw names, gets them too (a label an admin changed stays).
  const fields: [name: string, label: string][] = [
    ['employee', 'Employee'],
    ['dateofbirth', 'Date of birth'],
    ['gender', 'Gender'],
    ['city', 'City'],
    ['kanjifirstname', 'Kanji first name'],
    ['kanjilastname', 'Kanji last name'],
    ['email2', 'Second email'],
    ['mobile2', 'Second mobile'],
    ['fax', 'Fax'],
    ['customer_address', 'Address'],
  ];
  await tx
    .insert(customFields)
    .values(
      fields.map(([name, label], position) => ({
        orgId,
        name,
        label,
        dataType: 'STRING' as const,
        position,
      })),
    )
    .onConflictDoUpdate({
      target: [customFields.orgId, customFields.name],
      set: { label: sql`excluded.label` },
      setWhere: sql`${customFields.label} = ${customFields.name}`,
    });
  // At the counter: gender, city and date of birth; the rest under "More details" (an admin's choice stays).
  await tx
    .insert(orgExtendedFieldSettings)
    .values([1, 2, 7].map((fieldId) => ({ orgId, fieldId, atCounter: true })))
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
