// The demo org's sample customers (docs/demo-data.md): a few hundred people with names in several
// scripts, so a newcomer's first search finds someone. Deterministic: fixed name lists combined by a
// seeded generator, so every fresh database holds the same customers with the same identifiers.
// seed.ts registers them through the same engine as POST /v2/customers.
import type { RegistrationRequest } from '@/lib/customers/request-schema';

/** How many sample customers the demo org gets. */
export const SAMPLE_COUNT = 300;

/** A given or family name as written, and as an email address would spell it. */
type Name = readonly [written: string, ascii: string];

interface Culture {
  given: readonly Name[];
  family: readonly Name[];
  /** Mobile numbers: the country calling code and the national number's first digits. */
  mobile: { cc: string; starts: readonly string[]; length: number };
  cities: readonly string[];
  country: string;
  /** How often the culture's names come up, relative to the others. */
  weight: number;
}

const CULTURES: readonly Culture[] = [
  {
    // Hindi, in Devanagari.
    given: [
      ['अनिल', 'anil'],
      ['सुनीता', 'sunita'],
      ['राजेश', 'rajesh'],
      ['पूजा', 'pooja'],
      ['विकास', 'vikas'],
      ['नेहा', 'neha'],
      ['अमित', 'amit'],
      ['कविता', 'kavita'],
      ['संजय', 'sanjay'],
      ['दीपिका', 'deepika'],
      ['रोहित', 'rohit'],
      ['अंजलि', 'anjali'],
    ],
    family: [
      ['वर्मा', 'verma'],
      ['गुप्ता', 'gupta'],
      ['सिंह', 'singh'],
      ['यादव', 'yadav'],
      ['पटेल', 'patel'],
      ['जोशी', 'joshi'],
      ['चौहान', 'chauhan'],
      ['मिश्रा', 'mishra'],
      ['अग्रवाल', 'agarwal'],
      ['त्रिपाठी', 'tripathi'],
    ],
    mobile: { cc: '91', starts: ['70', '81', '88', '93', '96', '99'], length: 10 },
    cities: ['Delhi', 'Lucknow', 'Jaipur', 'Bhopal', 'Patna', 'Varanasi'],
    country: 'IN',
    weight: 20,
  },
  {
    // Indian names as most tills type them, in Latin letters.
    given: [
      ['Arjun', 'arjun'],
      ['Divya', 'divya'],
      ['Siddharth', 'siddharth'],
      ['Lakshmi', 'lakshmi'],
      ['Farhan', 'farhan'],
      ['Ishita', 'ishita'],
      ['Harpreet', 'harpreet'],
      ['Ananya', 'ananya'],
      ['Vikram', 'vikram'],
      ['Pallavi', 'pallavi'],
      ['Manoj', 'manoj'],
      ['Rekha', 'rekha'],
      ['Aditya', 'aditya'],
      ['Sneha', 'sneha'],
    ],
    family: [
      ['Reddy', 'reddy'],
      ['Banerjee', 'banerjee'],
      ['Menon', 'menon'],
      ['Deshpande', 'deshpande'],
      ['Chatterjee', 'chatterjee'],
      ['Gill', 'gill'],
      ['Pillai', 'pillai'],
      ['Khan', 'khan'],
      ['Bose', 'bose'],
      ['Kulkarni', 'kulkarni'],
      ['Dutta', 'dutta'],
      ['Rao', 'rao'],
    ],
    mobile: { cc: '91', starts: ['62', '73', '77', '84', '90', '97'], length: 10 },
    cities: ['Mumbai', 'Bengaluru', 'Hyderabad', 'Pune', 'Kolkata', 'Kochi', 'Chandigarh'],
    country: 'IN',
    weight: 25,
  },
  {
    // Tamil, in Tamil script.
    given: [
      ['கார்த்திக்', 'karthik'],
      ['லட்சுமி', 'lakshmi'],
      ['சுரேஷ்', 'suresh'],
      ['கவிதா', 'kavitha'],
      ['முருகன்', 'murugan'],
      ['தேவி', 'devi'],
      ['அருண்', 'arun'],
      ['செல்வி', 'selvi'],
      ['விஜய்', 'vijay'],
      ['மீனாட்சி', 'meenakshi'],
    ],
    family: [
      ['சுப்பிரமணியம்', 'subramaniam'],
      ['ராமசாமி', 'ramasamy'],
      ['கிருஷ்ணன்', 'krishnan'],
      ['வேலு', 'velu'],
      ['பாண்டியன்', 'pandian'],
      ['சண்முகம்', 'shanmugam'],
      ['நடராஜன்', 'natarajan'],
    ],
    mobile: { cc: '91', starts: ['63', '72', '80', '94', '95'], length: 10 },
    cities: ['Chennai', 'Coimbatore', 'Madurai', 'Tiruchirappalli', 'Salem'],
    country: 'IN',
    weight: 15,
  },
  {
    // Japanese, in kanji and kana.
    given: [
      ['翔太', 'shota'],
      ['陽菜', 'hina'],
      ['蓮', 'ren'],
      ['結衣', 'yui'],
      ['大輝', 'daiki'],
      ['美咲', 'misaki'],
      ['悠斗', 'yuto'],
      ['さくら', 'sakura'],
      ['健一', 'kenichi'],
      ['由美', 'yumi'],
    ],
    family: [
      ['佐藤', 'sato'],
      ['鈴木', 'suzuki'],
      ['高橋', 'takahashi'],
      ['伊藤', 'ito'],
      ['渡辺', 'watanabe'],
      ['山本', 'yamamoto'],
      ['中村', 'nakamura'],
      ['小林', 'kobayashi'],
      ['加藤', 'kato'],
    ],
    mobile: { cc: '81', starts: ['70', '80', '90'], length: 10 },
    cities: ['Tokyo', 'Osaka', 'Yokohama', 'Fukuoka', 'Sapporo'],
    country: 'JP',
    weight: 12,
  },
  {
    // Arabic, in Arabic script.
    given: [
      ['محمد', 'mohammed'],
      ['فاطمة', 'fatima'],
      ['أحمد', 'ahmed'],
      ['مريم', 'maryam'],
      ['يوسف', 'yousef'],
      ['ليلى', 'layla'],
      ['عمر', 'omar'],
      ['سارة', 'sara'],
      ['خالد', 'khalid'],
      ['هدى', 'huda'],
    ],
    family: [
      ['العلي', 'alali'],
      ['الخطيب', 'alkhatib'],
      ['منصور', 'mansour'],
      ['سعيد', 'saeed'],
      ['الحسن', 'alhassan'],
      ['النجار', 'alnajjar'],
      ['عيسى', 'issa'],
    ],
    mobile: { cc: '971', starts: ['50', '52', '55', '56'], length: 9 },
    cities: ['Dubai', 'Abu Dhabi', 'Sharjah', 'Al Ain'],
    country: 'AE',
    weight: 10,
  },
  {
    // Korean, in Hangul.
    given: [
      ['민준', 'minjun'],
      ['서연', 'seoyeon'],
      ['지훈', 'jihoon'],
      ['하은', 'haeun'],
      ['도윤', 'doyoon'],
      ['지아', 'jia'],
    ],
    family: [
      ['김', 'kim'],
      ['이', 'lee'],
      ['박', 'park'],
      ['최', 'choi'],
      ['정', 'jung'],
    ],
    mobile: { cc: '82', starts: ['10'], length: 10 },
    cities: ['Seoul', 'Busan', 'Incheon'],
    country: 'KR',
    weight: 5,
  },
  {
    // European and American names, in Latin letters with their accents.
    given: [
      ['Oliver', 'oliver'],
      ['Charlotte', 'charlotte'],
      ['Lucas', 'lucas'],
      ['Sofía', 'sofia'],
      ['João', 'joao'],
      ['Camille', 'camille'],
      ['Lukas', 'lukas'],
      ['Émilie', 'emilie'],
      ['Mateo', 'mateo'],
      ['Valentina', 'valentina'],
      ['Björn', 'bjorn'],
      ['Zofia', 'zofia'],
      ['Grace', 'grace'],
      ['Henrik', 'henrik'],
    ],
    family: [
      ['García', 'garcia'],
      ['Müller', 'muller'],
      ['Dubois', 'dubois'],
      ['Silva', 'silva'],
      ['Kowalski', 'kowalski'],
      ['Johnson', 'johnson'],
      ['Rossi', 'rossi'],
      ['Lindqvist', 'lindqvist'],
      ['O’Connor', 'oconnor'],
      ['Fernández', 'fernandez'],
    ],
    mobile: { cc: '44', starts: ['74', '75', '77', '78', '79'], length: 10 },
    cities: ['London', 'Manchester', 'Edinburgh', 'Bristol', 'Leeds', 'Cardiff'],
    country: 'GB',
    weight: 13,
  },
];

/** Where the sample customers came from, weighted as a retailer's might be. */
const SOURCES: readonly { source: string; accountId?: string; weight: number }[] = [
  { source: 'INSTORE', weight: 60 },
  { source: 'WEBSITE', weight: 15 },
  { source: 'MOBILE_APP', accountId: 'testmobilepush1', weight: 10 },
  { source: 'LINE', accountId: '2001914141242', weight: 5 },
  { source: 'FACEBOOK', accountId: 'fb-demo-1', weight: 5 },
  { source: 'WEB_ENGAGE', accountId: 'we-demo-1', weight: 5 },
];

const EMAIL_DOMAINS = ['example.com', 'example.net', 'example.org'] as const;

/** mulberry32: a small seeded generator, so the sample is the same on every machine. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function weighted<T extends { weight: number }>(items: readonly T[], r: number): T {
  const total = items.reduce((sum, i) => sum + i.weight, 0);
  let left = r * total;
  for (const item of items) {
    left -= item.weight;
    if (left < 0) return item;
  }
  return items[items.length - 1]!;
}

/**
 * The sample customers' registration bodies, as a till would send them. Mobiles and emails are unique
 * within the sample (the org's unique identifier types); about one in five carries a loyalty card of
 * series 73.
 */
export function sampleCustomers(count = SAMPLE_COUNT): RegistrationRequest[] {
  const random = generator(20261206);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const mobiles = new Set<string>();
  const emails = new Set<string>();
  const bodies: RegistrationRequest[] = [];
  for (let n = 0; n < count; n++) {
    const culture = weighted(CULTURES, random());
    const [given, givenAscii] = pick(culture.given);
    const [family, familyAscii] = pick(culture.family);
    const { cc, starts, length } = culture.mobile;
    let mobile: string;
    do {
      const start = pick(starts);
      let rest = '';
      while (start.length + rest.length < length) rest += Math.floor(random() * 10);
      mobile = cc + start + rest;
    } while (mobiles.has(mobile));
    mobiles.add(mobile);
    const identifiers: NonNullable<NonNullable<RegistrationRequest['profiles'][number]>['identifiers']> = [
      { type: 'mobile', value: mobile },
    ];
    if (random() < 0.7) {
      const style = pick([
        `${givenAscii}.${familyAscii}`,
        `${givenAscii}${familyAscii[0]}`,
        `${familyAscii}.${givenAscii}`,
      ]);
      let email = `${style}@${pick(EMAIL_DOMAINS)}`;
      for (let k = 2; emails.has(email); k++) email = email.replace(/\d*@/, `${k}@`);
      emails.add(email);
      identifiers.push({ type: 'email', value: email });
    }
    if (random() < 0.2) {
      identifiers.push({
        type: 'cardnumber',
        value: `7300${String(n).padStart(4, '0')}${String(Math.floor(random() * 1e4)).padStart(4, '0')}`,
        seriesId: 73,
        statusLabel: 'ACTIVE',
      });
    }
    const { source, accountId } = weighted(SOURCES, random());
    bodies.push({
      profiles: [{ firstName: given, lastName: family, source, ...(accountId ? { accountId } : {}), identifiers }],
      extendedFields: {
        city: pick(culture.cities),
        country_of_residence: culture.country,
        ...(random() < 0.5 ? { acquisition_channel: source === 'INSTORE' ? 'Instore' : 'Website' } : {}),
      },
      statusLabel: random() < 0.15 ? 'Gold Member' : 'active-1',
    });
  }
  return bodies;
}
