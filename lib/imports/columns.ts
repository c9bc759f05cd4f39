// A CSV import's columns (docs/api.md, "Import jobs"): the header names what each column is; a row
// becomes the body of POST /v2/customers it stands for, which the engine then registers or refuses
// like any other. Unknown columns are reported and ignored. Empty cells are absent values.

/** The columns read by name (matched case-insensitively), besides `field:<name>` and `ext:<name>`. */
export const IMPORT_COLUMNS = [
  'firstName',
  'lastName',
  'mobile',
  'email',
  'externalId',
  'cardnumber',
  'seriesId',
  'statusLabel',
  'loyaltyProgramId',
  'tierNumber',
  'loyaltyPoints',
] as const;
type Known = (typeof IMPORT_COLUMNS)[number];

type Column = { kind: 'known'; name: Known; index: number } | { kind: 'field' | 'ext'; name: string; index: number };

export interface ColumnMap {
  columns: Column[];
  /** The header's columns that are read, as written. */
  recognised: string[];
  /** The header's columns that are not, as written. */
  ignored: string[];
}

const BY_LOWER = new Map<string, Known>(IMPORT_COLUMNS.map((c) => [c.toLowerCase(), c]));

/** Which column is what; the first of two columns with the same meaning is read, the second ignored. */
export function mapColumns(header: readonly string[]): ColumnMap {
  const columns: Column[] = [];
  const recognised: string[] = [];
  const ignored: string[] = [];
  const seen = new Set<string>();
  header.forEach((raw, index) => {
    const name = raw.trim();
    const prefixed = /^(field|ext):(.+)$/i.exec(name);
    let column: Column | null = null;
    if (prefixed) {
      const kind = prefixed[1]!.toLowerCase() as 'field' | 'ext';
      column = { kind, name: prefixed[2]!.trim(), index };
    } else {
      const known = BY_LOWER.get(name.toLowerCase());
      if (known) column = { kind: 'known', name: known, index };
    }
    const key = column && `${column.kind}:${column.kind === 'known' ? column.name : column.name.toLowerCase()}`;
    if (column && key && column.name !== '' && !seen.has(key)) {
      seen.add(key);
      columns.push(column);
      recognised.push(raw);
    } else {
      ignored.push(raw);
    }
  });
  return { columns, recognised, ignored };
}

/** A whole number as a number (the schema wants one), anything else as written: the schema then names it. */
const numeric = (text: string): number | string => (/^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text);

/** The registration body a row stands for, in the source (and account) the import names. */
export function rowToBody(
  map: ColumnMap,
  record: readonly string[],
  target: { source: string; accountId: string },
): Record<string, unknown> {
  const known: Partial<Record<Known, string>> = {};
  const fields: Record<string, string> = {};
  const extendedFields: Record<string, string> = {};
  for (const c of map.columns) {
    const value = (record[c.index] ?? '').trim();
    if (value === '') continue;
    if (c.kind === 'known') known[c.name] = value;
    else if (c.kind === 'field') fields[c.name] = value;
    else extendedFields[c.name] = value;
  }
  const identifiers: Record<string, unknown>[] = [];
  for (const type of ['mobile', 'email', 'externalId'] as const) {
    if (known[type] !== undefined) identifiers.push({ type, value: known[type] });
  }
  if (known.cardnumber !== undefined) {
    identifiers.push({
      type: 'cardnumber',
      value: known.cardnumber,
      ...(known.seriesId !== undefined && { seriesId: numeric(known.seriesId) }),
    });
  }
  const profile: Record<string, unknown> = { source: target.source, identifiers };
  if (target.accountId !== '') profile.accountId = target.accountId;
  if (known.firstName !== undefined) profile.firstName = known.firstName;
  if (known.lastName !== undefined) profile.lastName = known.lastName;
  if (Object.keys(fields).length > 0) profile.fields = fields;
  const body: Record<string, unknown> = { profiles: [profile] };
  if (known.statusLabel !== undefined) body.statusLabel = known.statusLabel;
  if (Object.keys(extendedFields).length > 0) body.extendedFields = extendedFields;
  if (known.loyaltyProgramId !== undefined) {
    body.loyaltyProgramEnrollments = [
      {
        programId: numeric(known.loyaltyProgramId),
        ...(known.tierNumber !== undefined && { tierNumber: numeric(known.tierNumber) }),
        ...(known.loyaltyPoints !== undefined && { loyaltyPoints: numeric(known.loyaltyPoints) }),
      },
    ];
  }
  return body;
}
