// /member-care/ui/settings/registration/<part> — one page of the editor: sources, fields, statuses,
// cards-and-tills, loyalty, limits, requests (admins only; staff get 403)
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { SettingsPart } from '@/components/settings/settings-part';
import { editorPageOf } from '@/components/settings/sections';
import { requireStaff } from '@/lib/auth/require-staff';

type Props = { params: Promise<{ part: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = editorPageOf((await params).part);
  return { title: `${page?.title ?? 'Not found'} · Registration Configuration · Member Care` };
}

export default async function SettingsPartPage({ params }: Props) {
  const { part } = await params;
  const page = editorPageOf(part);
  await requireStaff({ admin: true, from: page?.href });
  // '' is the first page's slug, served at the editor's own URL.
  if (!page || !part) notFound();
  return <SettingsPart slug={page.slug} />;
}
