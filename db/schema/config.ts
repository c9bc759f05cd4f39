import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  foreignKey,
  integer,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import {
  CUSTOM_FIELD_TYPES,
  CUSTOMER_STATUSES,
  EXTENDED_FIELD_SCOPES,
  type CustomerStatus,
  type CustomFieldType,
  type ExtendedFieldScope,
  type ExtendedFieldType,
} from '@/lib/vocabulary';
import { isOneOf } from './one-of';
import { orgs } from './orgs';

/** The Registration Configuration's scalar part: one row per org. */
export const registrationConfigs = pgTable(
  'registration_configs',
  {
    orgId: integer('org_id')
      .primaryKey()
      .references(() => orgs.id),
    primaryIdentifier: text('primary_identifier').notNull().default('mobile'),
    allowedIdentifierTypes: text('allowed_identifier_types').array().notNull(),
    mandatoryIdentifierTypes: text('mandatory_identifier_types')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    uniqueIdentifierTypes: text('unique_identifier_types').array().notNull(),
    mobileMinLength: integer('mobile_min_length').notNull().default(6),
    mobileMaxLength: integer('mobile_max_length').notNull().default(15),
    mobileStrict: boolean('mobile_strict').notNull().default(false),
    /** ISO 3166 alpha-2, used by strict mobile checking. */
    defaultCountry: text('default_country'),
    /** IANA time zone the app shows times in; null: each browser's own. */
    timeZone: text('time_zone'),
    defaultStatusLabelId: integer('default_status_label_id'),
    /** Requests (docs/api.md, "Requests"): approved on creation, without a checker. */
    autoApproveMerge: boolean('auto_approve_merge').notNull().default(false),
    autoApproveDelete: boolean('auto_approve_delete').notNull().default(false),
    /** Days between a deletion's approval and the erasure (0: at once). */
    piiDeleteAfterDays: integer('pii_delete_after_days').notNull().default(30),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ columns: [t.orgId, t.defaultStatusLabelId], foreignColumns: [statusLabels.orgId, statusLabels.id] }),
    check(
      'registration_configs_mobile_len_check',
      sql`${t.mobileMinLength} >= 1 and ${t.mobileMaxLength} >= ${t.mobileMinLength} and ${t.mobileMaxLength} <= 20`,
    ),
    check('registration_configs_pii_days_check', sql`${t.piiDeleteAfterDays} between 0 and 90`),
  ],
);

/** Sources enabled for an org (presence = enabled). */
export const orgSources = pgTable(
  'org_sources',
  {
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    source: text('source').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.source] })],
);

/** Account ids of multi-account sources (LINE channel, WeChat app, Facebook page, ...). */
export const orgSourceAccounts = pgTable(
  'org_source_accounts',
  {
    orgId: integer('org_id').notNull(),
    source: text('source').notNull(),
    accountId: text('account_id').notNull(),
    name: text('name').notNull().default(''),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.source, t.accountId] }),
    foreignKey({ columns: [t.orgId, t.source], foreignColumns: [orgSources.orgId, orgSources.source] }).onDelete(
      'cascade',
    ),
  ],
);

export const customFields = pgTable(
  'custom_fields',
  {
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    name: text('name').notNull(),
    label: text('label').notNull(),
    dataType: text('data_type').$type<CustomFieldType>().notNull(),
    enumValues: text('enum_values')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    mandatory: boolean('mandatory').notNull().default(false),
    /** Shown at the counter; the rest sit under "More details" (a mandatory field always shows). */
    atCounter: boolean('at_counter').notNull().default(false),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.name] }),
    check('custom_fields_type_check', isOneOf(t.dataType, CUSTOM_FIELD_TYPES)),
  ],
);

/** Platform data (no org): verticals and the extended-field catalogue mapped to them. */
export const verticals = pgTable('verticals', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
});

export const extendedFieldCatalogue = pgTable(
  'extended_field_catalogue',
  {
    id: integer('id').primaryKey(),
    name: text('name').notNull(),
    label: text('label').notNull(),
    dataType: text('data_type').$type<ExtendedFieldType>().notNull(),
    enumValues: text('enum_values')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    scope: text('scope').$type<ExtendedFieldScope>().notNull(),
    /** -1 = global: enabled for every org. */
    verticalId: integer('vertical_id')
      .notNull()
      .references(() => verticals.id),
  },
  (t) => [
    uniqueIndex('extended_field_catalogue_name_scope_key').on(t.name, t.scope),
    check('extended_field_catalogue_scope_check', isOneOf(t.scope, EXTENDED_FIELD_SCOPES)),
  ],
);

export const orgVerticals = pgTable(
  'org_verticals',
  {
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    verticalId: integer('vertical_id')
      .notNull()
      .references(() => verticals.id),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.verticalId] })],
);

/** The org's own choices about extended fields its verticals enable. */
export const orgExtendedFieldSettings = pgTable(
  'org_extended_field_settings',
  {
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    fieldId: integer('field_id')
      .notNull()
      .references(() => extendedFieldCatalogue.id),
    mandatory: boolean('mandatory').notNull().default(false),
    /** The org's label; null: the catalogue's. */
    label: text('label'),
    /** Shown at the counter; the rest sit under "More details" (a mandatory field always shows). */
    atCounter: boolean('at_counter').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.fieldId] })],
);

/** Custom names for customer statuses. */
export const statusLabels = pgTable(
  'status_labels',
  {
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    id: serial('id').notNull(),
    name: text('name').notNull(),
    status: text('status').$type<CustomerStatus>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('status_labels_org_name_key').on(t.orgId, sql`lower(${t.name})`),
    check('status_labels_status_check', isOneOf(t.status, CUSTOMER_STATUSES)),
  ],
);

export const cardSeries = pgTable(
  'card_series',
  {
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    id: integer('id').notNull(),
    name: text('name').notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] })],
);
