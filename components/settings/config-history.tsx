// The configuration history under the editor: every save, newest first, a page at a time, with
// what each changed, setting by setting, before and after. Read-only; server-rendered.
import Link from 'next/link';
import { Moment } from '@/components/customer/local-time';
import { BeforeAfterTable } from '@/components/ui/before-after-table';
import { buttonVariants } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import type { ConfigSave } from '@/lib/config/settings-history';
import { describeSettingsChange } from './history-changes';
import { SECTIONS } from './sections';

export const HISTORY_ID = 'history';

interface ConfigHistoryProps {
  saves: ConfigSave[];
  page: number;
  pageCount: number;
  /** The URL of another page of the history. */
  hrefOf: (page: number) => string;
  extendedFieldName: (id: number) => string;
}

function SaveEntry({ save, extendedFieldName }: { save: ConfigSave; extendedFieldName: (id: number) => string }) {
  const at = save.at.toISOString();
  let body;
  if (save.documents) {
    const changes = describeSettingsChange(save.documents.before, save.documents.after, extendedFieldName);
    body = changes.length ? (
      <BeforeAfterTable
        caption={`Changed by ${save.by}`}
        whatHeading="Setting"
        rows={changes.map((c, i) => ({ key: String(i), what: c.setting, before: c.before, after: c.after }))}
      />
    ) : (
      <p className="text-sm text-slate-600">Saved without changing any setting.</p>
    );
  } else {
    // Recorded before the audit kept whole documents: the sections are all there is.
    const titles = SECTIONS.filter((s) => s.keys.some((k) => save.sections.includes(k))).map((s) => s.title);
    body = <p className="text-sm text-slate-600">Changed: {titles.length ? titles.join(', ') : 'nothing recorded'}.</p>;
  }
  return (
    <li className="flex flex-col gap-2 border-b border-slate-100 pb-4 last:border-0 last:pb-0">
      <h3 className="text-sm font-semibold text-slate-900">
        <Moment iso={at} /> · {save.by}
      </h3>
      {body}
    </li>
  );
}

export function ConfigHistory({ saves, page, pageCount, hrefOf, extendedFieldName }: ConfigHistoryProps) {
  const link = buttonVariants({ variant: 'outline', size: 'sm' });
  return (
    <Card id={HISTORY_ID} aria-labelledby={`${HISTORY_ID}-title`} className="scroll-mt-20">
      <CardHeader>
        <CardTitle id={`${HISTORY_ID}-title`}>Configuration history</CardTitle>
        <CardDescription>
          Every save of this configuration, newest first: who saved, when, and what changed.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4">
        {saves.length === 0 ? (
          <p className="text-sm text-slate-600">No saves yet.</p>
        ) : (
          <ol aria-label="Saves, newest first" className="flex flex-col gap-4">
            {saves.map((s) => (
              <SaveEntry key={s.id} save={s} extendedFieldName={extendedFieldName} />
            ))}
          </ol>
        )}
        {pageCount > 1 && (
          <nav aria-label="Configuration history pages" className="flex items-center gap-3">
            {page > 1 && (
              <Link href={hrefOf(page - 1)} scroll={false} className={link}>
                Newer saves
              </Link>
            )}
            <p className="text-sm text-slate-600">
              Page {page} of {pageCount}
            </p>
            {page < pageCount && (
              <Link href={hrefOf(page + 1)} scroll={false} className={link}>
                Older saves
              </Link>
            )}
          </nav>
        )}
      </CardContent>
    </Card>
  );
}
