// GET /v2/extendedFields — the extended fields enabled for the caller's org (by its verticals, and the global ones)
import type { ExtendedFieldsResponse } from '@/lib/api/schemas';
import { apiRoute, methodNotAllowed } from '@/lib/api/handler';
import { getOrgConfig } from '@/lib/config/cache';
import type { ExtendedFieldDef } from '@/lib/config/types';

export const dynamic = 'force-dynamic';

const view = (f: ExtendedFieldDef) => ({
  id: f.id,
  name: f.name,
  label: f.label,
  dataType: f.dataType,
  enumValues: f.enumValues,
  mandatory: f.mandatory,
  atCounter: f.atCounter,
});

export const GET = apiRoute({ envelope: 'v2' }, async ({ actor }) => {
  const config = await getOrgConfig(actor.orgId);
  const body: ExtendedFieldsResponse = {
    entity: {
      customer: config?.extendedFields.customer.map(view) ?? [],
      card: config?.extendedFields.card.map(view) ?? [],
    },
    warnings: [],
    errors: [],
    success: true,
  };
  return { status: 200, body };
});

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed('v2', ['GET']);
