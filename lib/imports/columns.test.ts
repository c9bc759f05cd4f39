import { describe, expect, it } from 'vitest';
import { mapColumns, rowToBody } from './columns';

describe('mapColumns', () => {
  it('reads the listed columns in any order and case, field: and ext: by name, and reports the rest', () => {
    const map = mapColumns([' Mobile ', 'shoeSize', 'firstName', 'field:city', 'EXT:gender', 'mobile', 'field:']);
    expect(map.recognised).toEqual([' Mobile ', 'firstName', 'field:city', 'EXT:gender']);
    // A second column of the same meaning, and a prefix without a name, are ignored.
    expect(map.ignored).toEqual(['shoeSize', 'mobile', 'field:']);
  });
});

describe('rowToBody', () => {
  const target = { source: 'INSTORE', accountId: '' };

  it('makes the registration body the row stands for; empty cells are absent', () => {
    const map = mapColumns([
      'firstName',
      'lastName',
      'mobile',
      'email',
      'cardnumber',
      'seriesId',
      'statusLabel',
      'loyaltyProgramId',
      'tierNumber',
      'loyaltyPoints',
      'field:city',
      'ext:gender',
    ]);
    const body = rowToBody(
      map,
      ['Ann', '', '919800000001', ' ann@example.com ', 'C1', '3', 'Gold', '1', '2', '75.5', 'Pune', 'Female'],
      target,
    );
    expect(body).toEqual({
      profiles: [
        {
          source: 'INSTORE',
          firstName: 'Ann',
          identifiers: [
            { type: 'mobile', value: '919800000001' },
            { type: 'email', value: 'ann@example.com' },
            { type: 'cardnumber', value: 'C1', seriesId: 3 },
          ],
          fields: { city: 'Pune' },
        },
      ],
      statusLabel: 'Gold',
      extendedFields: { gender: 'Female' },
      loyaltyProgramEnrollments: [{ programId: 1, tierNumber: 2, loyaltyPoints: 75.5 }],
    });
  });

  it('names the account of a multi-account source, and leaves a value that is no number for the schema to name', () => {
    const map = mapColumns(['mobile', 'loyaltyProgramId']);
    expect(rowToBody(map, ['1', 'x1'], { source: 'LINE', accountId: 'A1' })).toEqual({
      profiles: [{ source: 'LINE', accountId: 'A1', identifiers: [{ type: 'mobile', value: '1' }] }],
      loyaltyProgramEnrollments: [{ programId: 'x1' }],
    });
  });
});
