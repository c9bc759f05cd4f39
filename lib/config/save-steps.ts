// The two phases of writing the rows that customers point at (labels, card series, tills, programs
// and tiers). Removals come first, each in its own savepoint, so every row still in use is reported
// by name in one answer; writes follow only when nothing was refused.
import { randomUUID } from 'node:crypto';
import type { Tx } from '@/db/client';
import {
  deleteCardSeries,
  deleteProgram,
  deleteTier,
  replaceBenefits,
  upsertCardSeries,
  upsertProgram,
  upsertTiers,
  type BenefitRow,
} from '@/db/queries/settings-loyalty';
import {
  deleteStatusLabel,
  deleteTill,
  insertStatusLabel,
  insertTill,
  updateStatusLabel,
  updateTillName,
} from '@/db/queries/settings';
import { attempt, type Problems } from './save-problems';
import type { BenefitSettings, SettingsInput } from './settings-schema';
import type { OrgConfig } from './types';

interface Step {
  tx: Tx;
  orgId: number;
  s: SettingsInput;
  current: OrgConfig;
  problems: Problems;
}

export async function removeDroppedRows({ tx, orgId, s, current, problems }: Step): Promise<void> {
  const keptLabels = new Set(s.statusLabels.map((l) => l.id));
  for (const label of current.statusLabels.filter((l) => !keptLabels.has(l.id))) {
    if (await attempt(tx, (sp) => deleteStatusLabel(sp, orgId, label.id))) {
      problems.add(
        'statusLabels',
        `Status label "${label.name}" is given to customers, so it cannot be removed (rename it instead).`,
      );
    }
  }
  const keptSeries = new Set(s.cardSeries.map((c) => c.id));
  for (const series of current.cardSeries.filter((c) => !keptSeries.has(c.id))) {
    if (await attempt(tx, (sp) => deleteCardSeries(sp, orgId, series.id))) {
      problems.add('cardSeries', `Card series ${series.id} "${series.name}" has cards, so it cannot be removed.`);
    }
  }
  const keptTills = new Set(s.tills.map((t) => t.id));
  for (const till of current.tills.filter((t) => !keptTills.has(t.id))) {
    if (await attempt(tx, (sp) => deleteTill(sp, orgId, till.id))) {
      problems.add('tills', `Till "${till.code}" has registered customers, so it cannot be removed.`);
    }
  }
  for (const program of current.programs) {
    const at = s.programs.findIndex((p) => p.id === program.id);
    if (at < 0) {
      if (await attempt(tx, (sp) => deleteProgram(sp, orgId, program.id))) {
        problems.add(
          'programs',
          `Loyalty program ${program.id} "${program.name}" has enrolled customers, so it cannot be removed.`,
        );
      }
      continue;
    }
    const keptTiers = new Set(s.programs[at]!.tiers.map((t) => t.number));
    for (const tier of program.tiers.filter((t) => !keptTiers.has(t.number))) {
      if (await attempt(tx, (sp) => deleteTier(sp, orgId, program.id, tier.number))) {
        problems.add(
          `programs.${at}.tiers`,
          `Tier ${tier.number} "${tier.name}" has enrolled customers, so it cannot be removed.`,
        );
      }
    }
  }
}

/** Writes the labels and returns their ids by lowercased name (to resolve the default label). */
export async function writeStatusLabels({ tx, orgId, s, current }: Step): Promise<Map<string, number>> {
  const stored = new Map(current.statusLabels.map((l) => [l.id, l]));
  const kept = s.statusLabels.filter((l): l is typeof l & { id: number } => l.id !== null && stored.has(l.id));
  // Through a temporary name first, so two labels can swap names without tripping the unique index.
  for (const l of kept.filter((k) => stored.get(k.id)!.name !== k.name)) {
    await updateStatusLabel(tx, orgId, l.id, { name: `~${randomUUID()}`, status: l.status });
  }
  const ids = new Map<string, number>();
  for (const l of s.statusLabels) {
    const values = { name: l.name, status: l.status };
    const storedId = l.id !== null && stored.has(l.id) ? l.id : null;
    if (storedId !== null) await updateStatusLabel(tx, orgId, storedId, values);
    // An id this org does not have (a label removed meanwhile, or a forged one) makes a new label.
    ids.set(l.name.toLowerCase(), storedId ?? (await insertStatusLabel(tx, orgId, values)));
  }
  return ids;
}

export async function writeTills({ tx, orgId, s, current, problems }: Step): Promise<void> {
  const stored = new Set(current.tills.map((t) => t.id));
  for (const [i, till] of s.tills.entries()) {
    if (till.id !== null && stored.has(till.id)) {
      await updateTillName(tx, orgId, till.id, till.name);
    } else if (await attempt(tx, (sp) => insertTill(sp, orgId, { code: till.code, name: till.name }))) {
      // Till codes are global (Basic authentication names a till without its org).
      problems.add(`tills.${i}.code`, 'Another organisation already uses this till code.');
    }
  }
}

function benefitRow(b: BenefitSettings): BenefitRow {
  switch (b.type) {
    case 'points':
      return { type: b.type, amount: b.amount };
    case 'alternate_currency':
      return { type: b.type, amount: b.amount, currencyIdentifier: b.currencyIdentifier, currencyName: b.currencyName };
    case 'coupon':
      return {
        type: b.type,
        couponDescription: b.couponDescription,
        couponType: b.couponType || 'PE',
        couponValidDays: b.couponValidDays,
        discountCode: b.discountCode || 'NO_VALUE',
      };
  }
}

export async function writeLoyalty({ tx, orgId, s }: Step): Promise<void> {
  await upsertCardSeries(tx, orgId, s.cardSeries);
  for (const p of s.programs) {
    await upsertProgram(tx, orgId, p);
    await upsertTiers(tx, orgId, p.id, p.tiers);
    await replaceBenefits(tx, orgId, p.id, p.benefits.map(benefitRow));
  }
}
