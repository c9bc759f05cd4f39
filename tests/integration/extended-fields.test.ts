import { describe, expect, it } from 'vitest';
import { GET } from '@/app/v2/extendedFields/route';
import { ExtendedFieldsResponseSchema, type ExtendedFieldsResponse } from '@/lib/api/schemas';
import { call, DEMO_TILL, OTHER_TILL } from './helpers';

const GLOBAL_FIELDS = ['gender', 'city', 'state', 'area', 'zip', 'country_of_residence', 'dob'];

function extendedFields(authorization: string) {
  return call<ExtendedFieldsResponse>(GET, { method: 'GET', path: '/v2/extendedFields', headers: { authorization } });
}

describe('GET /v2/extendedFields', () => {
  it("lists the demo org's fields: the global ones and its retail vertical's", async () => {
    const res = await extendedFields(DEMO_TILL);
    expect(res.status).toBe(200);
    expect(ExtendedFieldsResponseSchema.parse(res.body)).toEqual(res.body);
    expect(res.body.success).toBe(true);
    expect(res.body.warnings).toEqual([]);
    expect(res.body.errors).toEqual([]);
    expect(res.body.entity.customer.map((f) => f.name)).toEqual([
      ...GLOBAL_FIELDS,
      'acquisition_channel',
      'preferred_language',
    ]);
    expect(res.body.entity.customer.find((f) => f.name === 'acquisition_channel')).toEqual({
      id: 8,
      name: 'acquisition_channel',
      label: 'Acquisition channel',
      dataType: 'CUSTOM_ENUM',
      enumValues: ['Microsite', 'Facebook', 'Instore', 'Website'],
      mandatory: false,
      atCounter: false,
    });
    expect(res.body.entity.card).toEqual([
      {
        id: 10,
        name: 'custom_card_name',
        label: 'Card name',
        dataType: 'STRING',
        enumValues: [],
        mandatory: false,
        atCounter: false,
      },
    ]);
  });

  it('lists only the global fields for an org without verticals', async () => {
    const res = await extendedFields(OTHER_TILL);
    expect(res.status).toBe(200);
    expect(res.body.entity.customer.map((f) => f.name)).toEqual(GLOBAL_FIELDS);
    expect(res.body.entity.card).toEqual([]);
  });

  it('needs credentials', async () => {
    const res = await call(GET, { method: 'GET', path: '/v2/extendedFields' });
    expect(res.status).toBe(401);
  });
});
