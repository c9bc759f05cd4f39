import { describe, expect, it } from 'vitest';
import { orgConfigFixture } from './fixtures/org-config';
import { issuesToErrors } from './issues';
import { buildRegistrationSchema } from './registration-schema';

const schema = buildRegistrationSchema(orgConfigFixture());
const codesOf = (body: unknown) => {
  const r = schema.safeParse(body);
  return r.success ? [] : issuesToErrors(r.error.issues).map((e) => [e.code, e.field]);
};

describe('buildRegistrationSchema (shared by the API and the form)', () => {
  it('normalises case, booleans given as strings, and identifier values', () => {
    const r = schema.safeParse({
      profiles: [
        {
          source: 'instore',
          firstName: '  Ada\u0007 ',
          identifiers: [
            { type: 'MOBILE', value: '+919800000001' },
            { type: 'Email', value: 'Ada@Example.COM' },
          ],
          commChannels: [
            {
              type: 'email',
              value: 'ada@example.com',
              primary: 'true',
              verified: 'FALSE',
              meta: { residence: 'true' },
            },
          ],
          fields: { Employee: 'true', visits: '12' },
        },
      ],
      extendedFields: { gender: 'female', dob: '1988/05/10' },
      statusLabel: 'gold member',
    });
    expect(r.success).toBe(true);
    if (!r.success) return;
    const [p] = r.data.profiles;
    expect(p).toMatchObject({ source: 'INSTORE', accountId: '', firstName: 'Ada' });
    expect(p!.identifiers.map((i) => [i.type, i.value, i.unique])).toEqual([
      ['mobile', '919800000001', true],
      ['email', 'ada@example.com', true],
    ]);
    expect(p!.channels[0]).toMatchObject({ primary: true, verified: false, meta: { residence: true } });
    expect(p!.fields).toEqual({ employee: true, visits: 12 });
    expect(r.data.extendedFields).toEqual({ gender: 'Female', dob: '1988-05-10T00:00:00.000Z' });
    expect(r.data.statusLabel?.name).toBe('Gold Member');
  });

  it('gives each problem its code and the JSON path of the value, in request order', () => {
    expect(
      codesOf({
        profiles: [
          {
            source: 'LINE',
            identifiers: [
              { type: 'mobile', value: '12AB' },
              { type: 'passport', value: 'x' },
            ],
          },
        ],
        extendedFields: { gender: 'Robot' },
      }),
    ).toEqual([
      [8127, 'profiles[0].accountId'],
      [8014, 'profiles[0].identifiers[0].value'],
      [8121, 'profiles[0].identifiers[1].type'],
      [91015, 'extendedFields.gender'],
    ]);
  });

  it('reports schema problems as code 400 with the path', () => {
    expect(codesOf({ profiles: [{ source: 'INSTORE', identifiers: [{ type: 'mobile' }] }] })).toEqual([
      [400, 'profiles[0].identifiers[0].value'],
    ]);
  });

  it('applies a stricter configuration: mandatory email, strict Indian mobiles', () => {
    const strict = buildRegistrationSchema(
      orgConfigFixture({
        mandatoryIdentifierTypes: ['email'],
        mobile: { minLength: 6, maxLength: 15, strict: true, defaultCountry: 'IN' },
      }),
    );
    const r = strict.safeParse({
      profiles: [{ source: 'INSTORE', identifiers: [{ type: 'mobile', value: '9876543210' }] }],
    });
    expect(r.success).toBe(false);
    if (r.success) return;
    expect(issuesToErrors(r.error.issues).map((e) => e.code)).toEqual([1039]);
    const ok = strict.safeParse({
      profiles: [
        {
          source: 'INSTORE',
          identifiers: [
            { type: 'mobile', value: '9876543210' },
            { type: 'email', value: 'a@b.in' },
          ],
        },
      ],
    });
    expect(ok.success && ok.data.profiles[0]!.identifiers[0]!.value).toBe('919876543210');
  });
});
