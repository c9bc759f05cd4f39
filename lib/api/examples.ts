// The request examples of the published "Add Customer" document, with real emails in place of its
// "[email protected]" placeholders. Documentation (OpenAPI) and tests both use them.

const channel = (type: string, value: string) => ({
  type,
  value,
  primary: 'true',
  verified: 'true',
  meta: { residence: 'true' },
});

export const SEED_EXAMPLES = {
  basicWithEnrollment: {
    profiles: [
      {
        firstName: 'Customer_add_1',
        lastName: 'Test123',
        identifiers: [
          { type: 'mobile', value: '8795779625' },
          { type: 'email', value: 'customer_add_1@example.com' },
        ],
        commChannels: [channel('mobile', '8795779625'), channel('email', 'customer_add_1@example.com')],
        fields: {},
        source: 'INSTORE',
      },
    ],
    extendedFields: {},
    loyaltyProgramEnrollments: [
      {
        programId: 469,
        tierNumber: 1,
        loyaltyPoints: 0,
        tierExpiryDate: '2024-05-11T16:36:17+05:30',
        pointsExpiryDate: '2024-05-11T16:36:17+05:30',
      },
    ],
    referralCode: '',
  },
  mobileAppWithPoints: {
    loyaltyInfo: { loyaltyType: 'loyalty' },
    associatedWith: 'bukl.till',
    profiles: [
      {
        firstName: 'Mark12',
        lastName: 'Twain',
        identifiers: [
          { type: 'mobile', value: '919804542631' },
          { type: 'cuid', value: 'cuid_919804542631' },
          { type: 'unionId', value: 'unionId_919804542631' },
        ],
        commChannels: [
          {
            type: 'mobilePush',
            meta: { lastViewedDate: '2019-10-10T22:04:38+05:30', residence: false, office: false },
            verified: 'true',
            primary: 'true',
            value: 'abc123456',
          },
          {
            type: 'mobile',
            value: '919804542631',
            primary: true,
            verified: true,
            meta: { lastViewedDate: '', residence: true, office: false },
          },
        ],
        source: 'MOBILE_APP',
        accountId: 'testmobilepush1',
        fields: { employee: 'true', dateofbirth: '22-10-2000' },
      },
    ],
    extendedFields: { gender: 'Male', city: 'Bangalore' },
    loyaltyProgramEnrollments: [
      {
        programId: 469,
        tierNumber: 1,
        loyaltyPoints: 75,
        tierExpiryDate: '2025-02-11T16:36:17+05:30',
        pointsExpiryDate: '2025-02-11T16:36:17+05:30',
      },
    ],
  },
  lineAccount: {
    profiles: [
      {
        firstName: 'Mark',
        lastName: 'Twain',
        identifiers: [
          { type: 'email', value: 'mark.twain@example.com' },
          { type: 'line', value: 'Ud7b7ec422d4914011f9c14b51ff48519' },
        ],
        commChannels: [channel('line', 'Ud7b7ec422dd34914011f9c14b51ff48519')],
        fields: { gender: '', city: '' },
        source: 'LINE',
        accountId: '2001914141242',
      },
    ],
    extendedFields: {},
    referralCode: '',
  },
  cardWithExtendedFields: {
    profiles: [
      {
        firstName: 'Tom',
        lastName: 'Sawyer',
        identifiers: [
          { type: 'email', value: 'tom.sawyer@example.com' },
          { type: 'mobile', value: '4567890' },
          {
            type: 'cardnumber',
            value: '12345678',
            seriesId: 73,
            statusLabel: 'ACTIVE',
            extendedFields: { custom_card_name: 'Mystays' },
          },
        ],
        fields: {
          kanjifirstname: 'Tom',
          kanjilastname: 'Sawyer',
          email2: 'tom.sawyer2@example.com',
          mobile2: '806794111',
          fax: '12345678',
          customer_address: 'abc123',
        },
        source: 'INSTORE',
        commChannels: [
          { type: 'email', value: 'tom.sawyer@example.com', primary: true, verified: true, subscribed: true, meta: {} },
        ],
      },
    ],
    extendedFields: {
      zip: '123456',
      area: 'Test1',
      city: 'Test2',
      state: 'Test3',
      country_of_residence: 'Japan',
      gender: 'Male',
      dob: '1988/05/10',
      acquisition_channel: 'Microsite',
      preferred_language: 'Japanese',
    },
  },
  externalIdOnly: {
    profiles: [{ identifiers: [{ type: 'externalId', value: '879577211225' }], source: 'INSTORE' }],
  },
  withStatusLabel: {
    profiles: [
      {
        firstName: 'Customer_add_23',
        lastName: 'Test123',
        identifiers: [
          { type: 'mobile', value: '8795772341' },
          { type: 'email', value: 'customer_add_23@example.com' },
          {
            type: 'cardnumber',
            value: '12345678',
            seriesId: 73,
            statusLabel: 'ACTIVE',
            extendedFields: { custom_card_name: 'Mystays' },
          },
        ],
        commChannels: [channel('mobile', '8795772141'), channel('email', 'customer_add_23@example.com')],
        fields: { employee: 'true', dateofbirth: '22-10-2000' },
        source: 'INSTORE',
      },
    ],
    extendedFields: { acquisition_channel: 'Facebook' },
    referralCode: '',
    statusLabel: 'active-1',
  },
} as const;

export type SeedExampleName = keyof typeof SEED_EXAMPLES;
