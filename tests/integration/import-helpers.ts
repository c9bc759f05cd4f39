// Shared by the import tests: upload a CSV through the route, read a job and its results.
import { POST as upload } from '@/app/v2/imports/route';
import { GET as getJob } from '@/app/v2/imports/[id]/route';
import { GET as getResults } from '@/app/v2/imports/[id]/results/route';
import type { ImportJobView } from '@/lib/imports/schemas';
import { call, DEMO_TILL, until as checkUntil } from './helpers';

export type Job = ImportJobView & { warnings: unknown[]; errors?: { code: number; message: string }[] };

export async function uploadCsv(csv: string, query = '', headers: Record<string, string> = {}) {
  return call<Job>(upload, {
    path: `/v2/imports${query}`,
    rawBody: csv,
    headers: { authorization: DEMO_TILL, 'content-type': 'text/csv', ...headers },
  });
}

export async function job(id: number): Promise<Job> {
  const res = await call<Job>(getJob, {
    method: 'GET',
    path: `/v2/imports/${id}`,
    params: { id: String(id) },
    headers: { authorization: DEMO_TILL },
  });
  if (res.status !== 200) throw new Error(`GET /v2/imports/${id} answered ${res.status}`);
  return res.body;
}

/** The results CSV's lines, the header first. */
export async function resultLines(id: number): Promise<string[]> {
  const res = await getResults(
    new Request(`http://localhost/v2/imports/${id}/results`, { headers: { authorization: DEMO_TILL } }),
    { params: Promise.resolve({ id: String(id) }) },
  );
  if (res.status !== 200) throw new Error(`results answered ${res.status}`);
  if (!res.headers.get('content-type')?.startsWith('text/csv')) throw new Error('results are not CSV');
  return (await res.text()).split('\r\n').filter((l) => l !== '');
}

/**
 * Checks every 200 ms until `check` holds. Not faster: a check that reads the job through the API counts
 * against the org's rate limit, and an import that takes a minute (on Citus) would be refused (429).
 */
export function until(check: () => boolean | Promise<boolean>, ms: number): Promise<void> {
  return checkUntil(check, ms, 200);
}

export const finished = (j: Job) => ['COMPLETED', 'FAILED', 'CANCELLED'].includes(j.status);

/** A CSV of `n` new customers: header and rows, mobiles all different. */
export function csvOf(mobiles: string[]): string {
  return ['firstName,lastName,mobile', ...mobiles.map((m, i) => `Row${i + 1},Import,${m}`)].join('\n') + '\n';
}
