'use client';
// The Webhooks page: the org's webhooks in a table; add one (its signing secret shown once), edit its
// URL, events and whether it is active, delete it after a confirmation; per webhook its delivery log
// with "Send again". Every change goes through /v3/webHooks with the session (webhooks:manage), then
// the server page is read again.
import { useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { z } from 'zod';
import { Moment } from '@/components/customer/local-time';
import { callApi, refusalMessage, type ApiResult } from '@/components/form/api-request';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { cn } from '@/components/ui/cn';
import { Dialog, DialogContent, DialogDescription, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { focusRing } from '@/components/ui/focus';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { DELIVERY_STATUSES, WEBHOOK_EVENTS, type DeliveryStatus, type WebhookEvent } from '@/lib/vocabulary';
import { useAdminActions } from './admin-actions';
import { FormError, useAdminDialog } from './admin-dialog';
import { AdminError, AdminTable } from './admin-table';
import { ShownOnce, type Shown } from './shown-once';

export interface WebhookRow {
  webHookId: number;
  name: string;
  eventNames: WebhookEvent[];
  webHookUrl: string;
  webHookHeaders: Record<string, string>;
  active: boolean;
  lastDeliveryStatus: DeliveryStatus | null;
}

const v3 = <T extends z.ZodType>(data: T) => z.object({ data });
const Created = v3(z.object({ webHookId: z.number(), name: z.string(), secret: z.string() }));
const Saved = v3(z.object({ webHookId: z.number(), secret: z.string().optional() }));
const Delivery = z.object({
  deliveryId: z.number(),
  eventName: z.enum(WEBHOOK_EVENTS),
  customerId: z.number(),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number(),
  lastStatus: z.number().nullable(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
});
type DeliveryRow = z.infer<typeof Delivery>;
const Deliveries = v3(z.array(Delivery));

const STATUS_NAMES: Record<DeliveryStatus, string> = { pending: 'Pending', delivered: 'Delivered', failed: 'Failed' };

/** The body of POST and PUT /v3/webHooks from the dialog's form. */
interface WebhookBody {
  name: string;
  webHookUrl: string;
  eventNames: WebhookEvent[];
  webHookHeaders: Record<string, string>;
  active: boolean;
}

/** "Name: value" per line; a line without a colon is left for the API to refuse (as a header name). */
function headersOf(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const at = line.indexOf(':');
    if (at < 0) out[line.trim()] = '';
    else out[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return out;
}

export function WebhooksAdmin({ hooks }: { hooks: WebhookRow[] }) {
  const router = useRouter();
  const [shown, setShown] = useState<Shown | null>(null);
  const [logOf, setLogOf] = useState<number | null>(null);
  const { error, act } = useAdminActions(async () => router.refresh());
  const open = hooks.find((h) => h.webHookId === logOf);

  return (
    <div className="flex flex-col gap-4">
      <div className="flex justify-end">
        <WebhookDialog
          mode="add"
          onSaved={(name, secret) => {
            if (secret) setShown({ label: `Signing secret of ${name}`, value: secret });
            router.refresh();
          }}
        />
      </div>
      <AdminError message={error} />
      <ShownOnce
        shown={shown}
        note="Shown only now. The receiver checks each delivery's X-MC-Signature with it (HMAC-SHA256 of the timestamp and the body)."
      />
      {hooks.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-6 text-center text-sm text-slate-600">
          No webhooks yet. Add one to tell another system of each customer change.
        </p>
      ) : (
        <AdminTable
          caption="Webhooks"
          columns={['Name', 'URL', 'Events', 'Active', 'Last delivery', { label: 'Actions', hidden: true }]}
        >
          {hooks.map((h) => (
            <tr key={h.webHookId} className="border-t border-slate-200 align-top">
              <th scope="row" className="px-3 py-2 font-medium text-slate-900">
                {h.name}
              </th>
              <td className="break-all px-3 py-2 font-mono text-xs">{h.webHookUrl}</td>
              <td className="px-3 py-2">{h.eventNames.join(', ')}</td>
              <td className="px-3 py-2">{h.active ? 'Yes' : 'No'}</td>
              <td className="px-3 py-2">{h.lastDeliveryStatus ? STATUS_NAMES[h.lastDeliveryStatus] : 'none yet'}</td>
              <td className="px-3 py-2">
                <div className="flex flex-wrap gap-2">
                  <Button
                    size="sm"
                    variant="outline"
                    aria-expanded={logOf === h.webHookId}
                    aria-controls="delivery-log"
                    onClick={() => setLogOf(logOf === h.webHookId ? null : h.webHookId)}
                  >
                    {logOf === h.webHookId ? `Hide deliveries of ${h.name}` : `Deliveries of ${h.name}`}
                  </Button>
                  <WebhookDialog mode="edit" hook={h} onSaved={() => router.refresh()} />
                  <DeleteDialog
                    hook={h}
                    remove={() =>
                      act(callApi({ method: 'DELETE', url: `/v3/webHooks/${h.webHookId}` }, Saved), () => {
                        if (logOf === h.webHookId) setLogOf(null);
                      })
                    }
                  />
                </div>
              </td>
            </tr>
          ))}
        </AdminTable>
      )}
      {open && <DeliveryLog key={open.webHookId} hook={open} onSentAgain={() => router.refresh()} />}
    </div>
  );
}

function DeliveryLog({ hook, onSentAgain }: { hook: WebhookRow; onSentAgain: () => void }) {
  const url = `/v3/webHooks/${hook.webHookId}/deliveries`;
  const query = useQuery({
    queryKey: ['webhook-deliveries', hook.webHookId],
    queryFn: async (): Promise<DeliveryRow[]> => {
      const res = await callApi({ method: 'GET', url }, Deliveries);
      if (!res.ok) throw new Error(refusalMessage(res));
      return res.data.data;
    },
    // While a delivery waits, the log follows it.
    refetchInterval: (q) => (q.state.data?.some((d) => d.status === 'pending') ? 1500 : false),
    retry: false,
  });
  const { error, act } = useAdminActions(async () => {
    await query.refetch();
    onSentAgain();
  });
  const title = `Deliveries of ${hook.name}`;

  return (
    <section id="delivery-log" aria-labelledby="delivery-log-title" className="flex flex-col gap-3">
      <div className="flex items-center justify-between gap-2">
        <h2 id="delivery-log-title" className="text-base font-semibold text-slate-900">
          {title}
        </h2>
        <Button size="sm" variant="outline" onClick={() => void query.refetch()} disabled={query.isFetching}>
          Refresh deliveries
        </Button>
      </div>
      <AdminError message={error ?? (query.error ? query.error.message || 'The server could not be reached.' : null)} />
      {query.isPending ? (
        <p role="status" className="text-sm text-slate-600">
          Loading deliveries…
        </p>
      ) : !query.data ? null : query.data.length === 0 ? (
        <p role="status" className="text-sm text-slate-600">
          No deliveries yet: each customer change of the chosen events makes one.
        </p>
      ) : (
        <AdminTable
          caption={title}
          columns={[
            'Event',
            'Customer',
            'Status',
            'Attempts',
            'Last answer',
            'Next attempt',
            'Delivered at',
            { label: 'Actions', hidden: true },
          ]}
        >
          {query.data.map((d) => (
            <tr key={d.deliveryId} className="border-t border-slate-200 align-top">
              <th scope="row" className="px-3 py-2 font-medium text-slate-900">
                {d.eventName}
              </th>
              <td className="px-3 py-2">#{d.customerId}</td>
              <td className="px-3 py-2">{STATUS_NAMES[d.status]}</td>
              <td className="px-3 py-2">{d.attempts}</td>
              <td className="px-3 py-2">{d.lastStatus !== null ? `HTTP ${d.lastStatus}` : (d.lastError ?? '—')}</td>
              <td className="px-3 py-2">{d.nextAttemptAt ? <Moment iso={d.nextAttemptAt} /> : '—'}</td>
              <td className="px-3 py-2">{d.deliveredAt ? <Moment iso={d.deliveredAt} /> : '—'}</td>
              <td className="px-3 py-2">
                {d.status !== 'pending' && (
                  <Button
                    size="sm"
                    variant="outline"
                    onClick={() =>
                      void act(
                        callApi(
                          {
                            method: 'POST',
                            url: `/v3/webHooks/${hook.webHookId}/deliveries/${d.deliveryId}/redeliver`,
                          },
                          v3(Delivery),
                        ),
                      )
                    }
                  >
                    Send again
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </AdminTable>
      )}
    </section>
  );
}

function DeleteDialog({ hook, remove }: { hook: WebhookRow; remove: () => Promise<boolean> }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button size="sm" variant="destructive" aria-label={`Delete ${hook.name}`}>
          Delete
        </Button>
      </DialogTrigger>
      <DialogContent className="max-w-md">
        <DialogTitle>Delete webhook {hook.name}?</DialogTitle>
        <DialogDescription>
          Nothing more is sent to {hook.webHookUrl}, and its delivery log goes with it. This cannot be undone.
        </DialogDescription>
        <div className="flex gap-2">
          <Button variant="destructive" onClick={() => void remove().then((ok) => ok && setOpen(false))}>
            Delete webhook
          </Button>
          <Button variant="outline" onClick={() => setOpen(false)}>
            Cancel
          </Button>
        </div>
      </DialogContent>
    </Dialog>
  );
}

/** The dialog's fields, as the API names them (webHookUrl, eventNames[0], webHookHeaders.X). */
const FIELDS = ['name', 'webHookUrl', 'eventNames', 'webHookHeaders', 'active'] as const;

function WebhookDialog(
  props:
    | { mode: 'add'; hook?: undefined; onSaved: (name: string, secret?: string) => void }
    | { mode: 'edit'; hook: WebhookRow; onSaved: (name: string, secret?: string) => void },
) {
  const { mode, hook, onSaved } = props;
  const { dialog, errors, pending, save } = useAdminDialog();
  const prefix = hook ? `webhook-${hook.webHookId}` : 'webhook-new';
  const title = hook ? `Edit webhook ${hook.name}` : 'Add webhook';

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const body: WebhookBody = {
      name: hook ? hook.name : String(data.get('name')),
      webHookUrl: String(data.get('url')),
      eventNames: WEBHOOK_EVENTS.filter((e) => data.get(`event-${e}`) !== null),
      webHookHeaders: hook ? hook.webHookHeaders : headersOf(String(data.get('headers') ?? '')),
      active: data.get('active') !== null,
    };
    await save(
      FIELDS,
      (): Promise<ApiResult<{ data: { secret?: string } }>> =>
        hook
          ? callApi({ method: 'PUT', url: `/v3/webHooks/${hook.webHookId}`, body }, Saved)
          : callApi({ method: 'POST', url: '/v3/webHooks', body }, Created),
      (d) => onSaved(body.name, d.data.secret),
    );
  }

  return (
    <Dialog {...dialog}>
      <DialogTrigger asChild>
        {hook ? (
          <Button size="sm" variant="outline" aria-label={`Edit ${hook.name}`}>
            Edit
          </Button>
        ) : (
          <Button>Add webhook</Button>
        )}
      </DialogTrigger>
      <DialogContent className="max-w-lg">
        <DialogTitle>{title}</DialogTitle>
        <DialogDescription>
          {mode === 'add'
            ? 'Each change of the chosen events is sent to the URL as JSON, signed with a secret shown once.'
            : 'The URL, the events and whether it is active; the signing secret stays.'}
        </DialogDescription>
        <form onSubmit={onSubmit} className="flex flex-col gap-4">
          <FormError message={errors.form} />
          {!hook && (
            <FormField id={`${prefix}-name`} label="Name" required error={errors.name}>
              <Input
                id={`${prefix}-name`}
                name="name"
                required
                autoComplete="off"
                aria-invalid={errors.name ? true : undefined}
              />
            </FormField>
          )}
          <FormField id={`${prefix}-url`} label="URL" required error={errors.webHookUrl} hint="http:// or https://">
            <Input
              id={`${prefix}-url`}
              name="url"
              type="url"
              required
              autoComplete="off"
              defaultValue={hook?.webHookUrl}
              aria-invalid={errors.webHookUrl ? true : undefined}
            />
          </FormField>
          <fieldset className="flex flex-col gap-2">
            <legend className="mb-1 text-sm font-medium text-slate-900">Events</legend>
            {WEBHOOK_EVENTS.map((e) => (
              <div key={e} className="flex items-center gap-2">
                <Checkbox
                  id={`${prefix}-event-${e}`}
                  name={`event-${e}`}
                  defaultChecked={hook?.eventNames.includes(e)}
                />
                <Label htmlFor={`${prefix}-event-${e}`} className="font-mono">
                  {e}
                </Label>
              </div>
            ))}
            {errors.eventNames && <p className="text-xs font-medium text-red-700">{errors.eventNames}</p>}
          </fieldset>
          {!hook && (
            <FormField
              id={`${prefix}-headers`}
              label="Headers"
              error={errors.webHookHeaders}
              hint="Optional, one per line: Name: value (e.g. Authorization: Bearer …)"
            >
              <textarea
                id={`${prefix}-headers`}
                name="headers"
                rows={2}
                autoComplete="off"
                className={cn('rounded-md border border-slate-300 px-3 py-2 font-mono text-sm', focusRing)}
                aria-invalid={errors.webHookHeaders ? true : undefined}
              />
            </FormField>
          )}
          <div className="flex items-center gap-2">
            <Checkbox id={`${prefix}-active`} name="active" defaultChecked={hook ? hook.active : true} />
            <Label htmlFor={`${prefix}-active`}>Active</Label>
          </div>
          <div>
            <Button type="submit" disabled={pending}>
              {hook ? 'Save webhook' : 'Add webhook'}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
