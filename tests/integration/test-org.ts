// Throwaway orgs with their own Registration Configuration, for rules the demo org leaves off.
import { randomInt } from 'node:crypto';
import { getDb } from '@/db/client';
import {
  apiClients,
  customFields,
  orgExtendedFieldSettings,
  orgs,
  orgSources,
  registrationConfigs,
  tills,
} from '@/db/schema';
import { hashClientSecret, md5hex, newSalt } from '@/lib/auth/secrets';
import { IDENTIFIER_TYPES, type CustomFieldType } from '@/lib/vocabulary';
import { basicAuth } from './helpers';

export interface TestOrgOptions {
  primaryIdentifier?: string;
  allowed?: string[];
  mandatory?: string[];
  unique?: string[];
  mobile?: { min?: number; max?: number; strict?: boolean; country?: string };
  sources?: string[];
  customFields?: { name: string; dataType: CustomFieldType; enumValues?: string[]; mandatory?: boolean }[];
  /** Catalogue ids of global extended fields (1 gender … 7 dob) to mark mandatory. */
  mandatoryExtendedFieldIds?: number[];
}

export async function createTestOrg(opts: TestOrgOptions = {}): Promise<{ orgId: number; auth: string; code: string }> {
  const db = await getDb();
  const code = `t${randomInt(1e9, 1e10 - 1)}`;
  const [org] = await db
    .insert(orgs)
    .values({ code, name: `Test ${code}`, region: 'US' })
    .returning({ id: orgs.id });
  const orgId = org!.id;
  await db.insert(registrationConfigs).values({
    orgId,
    primaryIdentifier: opts.primaryIdentifier ?? 'mobile',
    allowedIdentifierTypes: opts.allowed ?? [...IDENTIFIER_TYPES],
    mandatoryIdentifierTypes: opts.mandatory ?? [],
    uniqueIdentifierTypes: opts.unique ?? ['email'],
    mobileMinLength: opts.mobile?.min ?? 6,
    mobileMaxLength: opts.mobile?.max ?? 15,
    mobileStrict: opts.mobile?.strict ?? false,
    defaultCountry: opts.mobile?.country ?? null,
  });
  await db.insert(orgSources).values((opts.sources ?? ['INSTORE', 'WEBSITE']).map((source) => ({ orgId, source })));
  const [till] = await db
    .insert(tills)
    .values({ orgId, code: `${code}.till`, name: code })
    .returning({ id: tills.id });
  const salt = newSalt();
  await db.insert(apiClients).values({
    orgId,
    kind: 'TILL',
    key: `${code}.till`,
    tillId: till!.id,
    secretSalt: salt,
    secretHash: await hashClientSecret(md5hex('Test@123'), salt),
    access: ['customers:write'],
  });
  if (opts.customFields?.length) {
    await db.insert(customFields).values(
      opts.customFields.map((f, position) => ({
        orgId,
        name: f.name,
        label: f.name,
        dataType: f.dataType,
        enumValues: f.enumValues ?? [],
        mandatory: f.mandatory ?? false,
        position,
      })),
    );
  }
  if (opts.mandatoryExtendedFieldIds?.length) {
    await db
      .insert(orgExtendedFieldSettings)
      .values(opts.mandatoryExtendedFieldIds.map((fieldId) => ({ orgId, fieldId, mandatory: true })));
  }
  return { orgId, code, auth: basicAuth(`${code}.till`, 'Test@123') };
}
