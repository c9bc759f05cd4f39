'use client';
// The Imports page: choose a CSV file and the source its rows are registered in (the org's enabled
// sources, and the account of a multi-account one), see which columns will be read and which ignored,
// "Check file" (a dry run) or "Import"; every import of the org below with its progress bar, polled while one
// runs, so progress survives a reload or leaving the page. All through /v2/imports with the session.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { parse } from 'csv-parse/browser/esm/sync';
import { useId, useState, type ChangeEvent } from 'react';
import { z } from 'zod';
import { callApi, FailureSchema, refusalMessage, requestLevelMessage } from '@/components/form/api-request';
import { Alert } from '@/components/ui/alert';
import { Button, buttonVariants } from '@/components/ui/button';
import { Label } from '@/components/ui/label';
import { Select } from '@/components/ui/select';
import { mapColumns } from '@/lib/imports/columns';

const Job = z.object({
  id: z.number(),
  status: z.enum(['QUEUED', 'RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED']),
  dryRun: z.boolean(),
  source: z.string(),
  accountId: z.string(),
  fileName: z.string().nullable(),
  columns: z.array(z.string()),
  ignoredColumns: z.array(z.string()),
  rowsTotal: z.number(),
  rowsDone: z.number(),
  created: z.number(),
  sourceAdded: z.number(),
  duplicates: z.number(),
  invalid: z.number(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  ratePerSecond: z.number().nullable(),
  failure: z.string().nullable(),
});
export type ImportJob = z.infer<typeof Job>;

/** A source the org has enabled, with its accounts (a multi-account source's; none otherwise). */
export interface ImportSource {
  source: string;
  accounts: { accountId: string; name: string }[];
}
const List = z.object({ imports: z.array(Job) });

const running = (j: ImportJob) => j.status === 'QUEUED' || j.status === 'RUNNING';
const number = (n: number) => n.toLocaleString('en');

/** "about 2 min left", from the rate so far. */
function timeLeft(j: ImportJob): string | null {
  if (!j.ratePerSecond || j.ratePerSecond <= 0) return null;
  const s = Math.ceil((j.rowsTotal - j.rowsDone) / j.ratePerSecond);
  if (s < 60) return `about ${s} s left`;
  return `about ${Math.ceil(s / 60)} min left`;
}

async function fetchImports(): Promise<ImportJob[]> {
  const res = await callApi({ method: 'GET', url: '/v2/imports' }, List);
  if (!res.ok) throw new Error(refusalMessage(res));
  return res.data.imports;
}

export function ImportsAdmin({ initial, sources }: { initial: ImportJob[]; sources: ImportSource[] }) {
  const queryClient = useQueryClient();
  const jobs = useQuery({
    queryKey: ['imports'],
    queryFn: fetchImports,
    initialData: initial,
    // Polled while an import is queued or running: the page picks up where it was after a reload.
    refetchInterval: (q) => ((q.state.data ?? []).some(running) ? 1_000 : false),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['imports'] });
  return (
    <div className="flex flex-col gap-6">
      <UploadForm sources={sources} onQueued={refresh} />
      <section aria-labelledby="imports-list" className="flex flex-col gap-3">
        <h2 id="imports-list" className="text-lg font-semibold text-slate-900">
          Imports
        </h2>
        {jobs.isError && (
          <Alert variant="destructive" role="alert">
            The imports could not be loaded: {jobs.error.message}
          </Alert>
        )}
        {jobs.isPending ? (
          <p className="text-sm text-slate-600">Loading imports…</p>
        ) : jobs.data && jobs.data.length === 0 ? (
          <p className="text-sm text-slate-600">No imports yet. Choose a CSV file above to import customers.</p>
        ) : (
          <ul className="flex flex-col gap-3">
            {(jobs.data ?? []).map((j) => (
              <li key={j.id}>
                <ImportCard job={j} onChanged={refresh} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

/** INSTORE when the org has it (the counter's source), else its first. */
const defaultSource = (sources: ImportSource[]) =>
  (sources.find((s) => s.source === 'INSTORE') ?? sources[0])?.source ?? 'INSTORE';

function UploadForm({ sources, onQueued }: { sources: ImportSource[]; onQueued: () => void }) {
  const inputId = useId();
  const sourceId = useId();
  const accountId = useId();
  const [source, setSource] = useState(() => defaultSource(sources));
  const accounts = sources.find((s) => s.source === source)?.accounts ?? [];
  const [account, setAccount] = useState(accounts[0]?.accountId ?? '');
  const [file, setFile] = useState<File | null>(null);
  const [columns, setColumns] = useState<{ recognised: string[]; ignored: string[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [queued, setQueued] = useState<string | null>(null);

  async function onFile(e: ChangeEvent<HTMLInputElement>) {
    const chosen = e.target.files?.[0] ?? null;
    setFile(chosen);
    setColumns(null);
    setError(null);
    setQueued(null);
    if (!chosen) return;
    // The header only: the first line of the first 64 KiB.
    const head = await chosen.slice(0, 64 * 1024).text();
    const firstLine = head.split(/\r?\n/)[0] ?? '';
    try {
      const [header] = parse(firstLine, { bom: true, relax_column_count: true }) as string[][];
      const map = mapColumns(header ?? []);
      setColumns({ recognised: map.recognised, ignored: map.ignored });
      if (map.recognised.length === 0) setError('The file’s header names no column an import reads.');
    } catch {
      setError('The file’s first line is not a CSV header.');
    }
  }

  async function send(dryRun: boolean) {
    if (!file) return;
    setPending(true);
    setError(null);
    setQueued(null);
    try {
      const query = new URLSearchParams({ dryRun: String(dryRun), fileName: file.name, source });
      if (accounts.length > 0) query.set('accountId', account);
      const res = await fetch(`/v2/imports?${query.toString()}`, {
        method: 'POST',
        headers: { 'content-type': 'text/csv', accept: 'application/json' },
        body: file,
        credentials: 'same-origin',
      });
      const body: unknown = await res.json().catch(() => null);
      if (!res.ok) {
        const failure = FailureSchema.safeParse(body);
        const errors = failure.success ? failure.data.errors : [];
        setError(
          requestLevelMessage(res.status, errors) ??
            (errors.map((e) => e.message).join(' ') || `The file was not accepted (HTTP ${res.status}).`),
        );
        return;
      }
      const job = Job.parse(body);
      setQueued(
        `${dryRun ? 'Check' : 'Import'} of ${file.name} started: ${number(job.rowsTotal)} rows. Its progress is below.`,
      );
      onQueued();
    } catch {
      setError('The server could not be reached. Nothing was imported.');
    } finally {
      setPending(false);
    }
  }

  return (
    <section className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 className="text-lg font-semibold text-slate-900">Import customers</h2>
      <p className="text-sm text-slate-600">
        A CSV file with a header row: firstName, lastName, mobile, email, externalId, cardnumber, seriesId, statusLabel,
        loyaltyProgramId, tierNumber, loyaltyPoints, field:&lt;custom field&gt;, ext:&lt;extended field&gt;. Each row is
        registered in the source chosen below with the same rules as the registration form.
      </p>
      <div className="grid gap-3 sm:grid-cols-2">
        <div className="flex flex-col gap-1">
          <Label htmlFor={sourceId}>Source</Label>
          <Select
            id={sourceId}
            value={source}
            onChange={(e) => {
              setSource(e.target.value);
              setAccount(sources.find((s) => s.source === e.target.value)?.accounts[0]?.accountId ?? '');
            }}
          >
            {sources.map((s) => (
              <option key={s.source} value={s.source}>
                {s.source}
              </option>
            ))}
          </Select>
        </div>
        {accounts.length > 0 && (
          <div className="flex flex-col gap-1">
            <Label htmlFor={accountId}>Account</Label>
            <Select id={accountId} value={account} onChange={(e) => setAccount(e.target.value)}>
              {accounts.map((a) => (
                <option key={a.accountId} value={a.accountId}>
                  {a.name ? `${a.name} (${a.accountId})` : a.accountId}
                </option>
              ))}
            </Select>
          </div>
        )}
      </div>
      <div className="flex flex-col gap-1">
        <Label htmlFor={inputId}>Import customers</Label>
        <input
          id={inputId}
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => void onFile(e)}
          className="text-sm text-slate-900 file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm"
        />
      </div>
      {columns && (
        <div className="grid gap-2 text-sm sm:grid-cols-2">
          <div>
            <h3 className="font-medium text-slate-900">Recognised columns</h3>
            <p className="text-slate-700">{columns.recognised.join(', ') || 'none'}</p>
          </div>
          <div>
            <h3 className="font-medium text-slate-900">Ignored columns</h3>
            <p className="text-slate-700">{columns.ignored.join(', ') || 'none'}</p>
          </div>
        </div>
      )}
      {error && (
        <Alert variant="destructive" role="alert">
          {error}
        </Alert>
      )}
      {queued && (
        <Alert variant="success" role="status">
          {queued}
        </Alert>
      )}
      <div className="flex flex-wrap gap-2">
        <Button
          variant="outline"
          disabled={!file || pending || columns?.recognised.length === 0}
          onClick={() => void send(true)}
        >
          Check file
        </Button>
        <Button disabled={!file || pending || columns?.recognised.length === 0} onClick={() => void send(false)}>
          Import
        </Button>
      </div>
    </section>
  );
}

function ImportCard({ job: j, onChanged }: { job: ImportJob; onChanged: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const title = `${j.dryRun ? 'Check' : 'Import'} ${j.id}${j.fileName ? ` · ${j.fileName}` : ''}`;
  const percent = j.rowsTotal > 0 ? Math.round((j.rowsDone / j.rowsTotal) * 100) : 0;
  const left = timeLeft(j);
  const progressText = [
    `${number(j.rowsDone)} of ${number(j.rowsTotal)} rows`,
    ...(j.ratePerSecond !== null ? [`${number(Math.round(j.ratePerSecond))} rows/s`] : []),
    ...(left ? [left] : []),
  ].join(', ');

  async function cancel() {
    setError(null);
    try {
      const res = await callApi({ method: 'POST', url: `/v2/imports/${j.id}/cancel` }, Job);
      if (!res.ok) setError(refusalMessage(res));
    } catch {
      setError('The server could not be reached.');
    }
    onChanged();
  }

  return (
    <article aria-label={title} className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4 text-sm">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 className="font-semibold text-slate-900">{title}</h3>
        <span className="text-slate-700">{j.status.toLowerCase()}</span>
      </div>
      {running(j) && (
        <>
          <div
            role="progressbar"
            aria-label={`Progress of ${title}`}
            aria-valuemin={0}
            aria-valuemax={j.rowsTotal}
            aria-valuenow={j.rowsDone}
            aria-valuetext={progressText}
            className="h-3 w-full overflow-hidden rounded-full bg-slate-200"
          >
            <div className="h-full bg-indigo-600 transition-[width]" style={{ width: `${percent}%` }} />
          </div>
          <p className="text-slate-700">{progressText}</p>
        </>
      )}
      {!running(j) && (
        <dl className="grid grid-cols-2 gap-x-4 gap-y-1 sm:grid-cols-5">
          <Count label="Rows" value={`${number(j.rowsDone)} of ${number(j.rowsTotal)}`} />
          <Count label={j.dryRun ? 'Would be created' : 'Created'} value={number(j.created)} />
          <Count label={j.dryRun ? 'Would add a source' : 'Source added'} value={number(j.sourceAdded)} />
          <Count label="Duplicates" value={number(j.duplicates)} />
          <Count label="Invalid" value={number(j.invalid)} />
        </dl>
      )}
      <p className="text-slate-600">
        Source: {j.source}
        {j.accountId ? `, account ${j.accountId}` : ''}
      </p>
      {j.failure && <p className="text-red-800">{j.failure}</p>}
      {j.ignoredColumns.length > 0 && <p className="text-slate-600">Ignored columns: {j.ignoredColumns.join(', ')}</p>}
      {error && (
        <Alert variant="destructive" role="alert">
          {error}
        </Alert>
      )}
      <div className="flex flex-wrap gap-2">
        {running(j) && (
          <Button size="sm" variant="outline" onClick={() => void cancel()}>
            Cancel import
          </Button>
        )}
        {j.rowsDone > 0 && (
          <a
            href={`/v2/imports/${j.id}/results`}
            download={`import-${j.id}-results.csv`}
            aria-label={`Download results of ${title}`}
            className={buttonVariants({ size: 'sm', variant: 'outline' })}
          >
            Download results
          </a>
        )}
      </div>
    </article>
  );
}

function Count({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt className="text-slate-600">{label}</dt>
      <dd className="font-medium text-slate-900">{value}</dd>
    </div>
  );
}
