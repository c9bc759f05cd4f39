// /member-care/ui/settings/audit — the admin log: staff, client, configuration and webhook decisions, newest first (admins only)
import type { Metadata } from 'next';
import Link from 'next/link';
import { AdminPage } from '@/components/admin/admin-page';
import { AdminTable } from '@/components/admin/admin-table';
import { getDb } from '@/db/client';
import { readAdminLog } from '@/lib/admin/audit';
import { requireStaff } from '@/lib/auth/require-staff';

export const metadata: Metadata = { title: 'Audit log · Member Care' };
const URL = '/member-care/ui/settings/audit';
const PER_PAGE = 50;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const show = (v: unknown) => (v === null || v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));

export default async function AuditPage({ searchParams }: Props) {
  const staff = await requireStaff({ admin: true, from: URL });
  const before = (await searchParams).before;
  const query = typeof before === 'string' && /^\d{1,15}$/.test(before) ? `&before=${before}` : '';
  const { entries } = await readAdminLog(await getDb(), staff.orgId, `http://local/?limit=${PER_PAGE}${query}`);
  const last = entries.at(-1);
  return (
    <AdminPage
      current={URL}
      title="Audit log"
      description="Every staff, API client, configuration and webhook decision: who, when, what, before → after."
    >
      <AdminTable caption="Admin log, newest first" columns={['When', 'Who', 'What', 'Before → after']}>
        {entries.map((e) => (
          <tr key={e.id} className="border-t border-slate-200 align-top">
            <td className="whitespace-nowrap px-3 py-2">
              <time dateTime={e.at}>{e.at.replace('T', ' ').slice(0, 19)} UTC</time>
            </td>
            <td className="px-3 py-2">{e.actor.code}</td>
            <td className="px-3 py-2">
              {e.action} <span className="text-slate-500">{e.target}</span>
            </td>
            <td className="px-3 py-2">
              <ul className="flex flex-col gap-0.5">
                {e.changes.map((c) => (
                  <li key={c.path} className="break-all">
                    <span className="font-medium">{c.path}</span>: {show(c.before)} → {show(c.after)}
                  </li>
                ))}
              </ul>
            </td>
          </tr>
        ))}
      </AdminTable>
      {last && entries.length === PER_PAGE && (
        <Link href={`${URL}?before=${last.id}`} className="text-sm text-indigo-700 underline">
          Older entries
        </Link>
      )}
    </AdminPage>
  );
}
