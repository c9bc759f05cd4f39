'use client';

import { useMomentFormat } from '@/components/customer/local-time';
// The API clients page: tills and OAuth clients in a table; add one (its secret shown once), rotate a
// secret with an overlap, revoke or restore. Every change goes through /v2/apiClients with the session.
import { useState, type FormEvent } from 'react';
import { z } from 'zod';
import { callApi } from '@/components/form/api-request';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { Dialog, DialogContent, DialogDescription, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { Select } from '@/components/ui/select';
import { API_ACCESS, API_CLIENT_KINDS } from '@/lib/vocabulary';
import { useAdminActions } from './admin-actions';
import { FormError, useAdminDialog } from './admin-dialog';
import { AdminError, AdminTable } from './admin-table';
import { ShownOnce, type Shown } from './shown-once';

const Client = z.object({
  id: z.number(),
  kind: z.enum(API_CLIENT_KINDS),
  key: z.string(),
  tillCode: z.string().nullable(),
  access: z.array(z.enum(API_ACCESS)),
  active: z.boolean(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
});
export type ApiClientRow = z.infer<typeof Client>;
const List = z.object({ clients: z.array(Client) });
const Created = z.object({ id: z.number(), key: z.string(), secret: z.string() });
const Secret = z.object({ secret: z.string() });

const KIND_NAMES = { TILL: 'Till (Basic)', OAUTH_CLIENT: 'OAuth client' } as const;

export function ApiClientsAdmin({ initial }: { initial: ApiClientRow[] }) {
  const moment = useMomentFormat();
  const [clients, setClients] = useState(initial);
  const [shown, setShown] = useState<Shown | null>(null);

  async function reload() {
    const res = await callApi({ method: 'GET', url: '/v2/apiClients' }, List);
    if (res.ok) setClients(res.data.clients);
  }
  const { error, act } = useAdminActions(reload);

  return (
    <div className="flex flex-col gap-4">
      <div className="flex justify-end">
        <AddClientDialog
          onCreated={(key, secret) => {
            setShown({ label: `Secret of ${key}`, value: secret });
            void reload();
          }}
        />
      </div>
      <AdminError message={error} />
      <ShownOnce
        shown={shown}
        note="Shown only now and stored only as a hash. A till sends it as its password (Basic, MD5); an OAuth client as its secret."
      />
      <AdminTable
        caption="API clients"
        columns={['Key', 'Kind', 'Access', 'Active', 'Last used', { label: 'Actions', hidden: true }]}
      >
        {clients.map((c) => (
          <tr key={c.id} className="border-t border-slate-200">
            <th scope="row" className="px-3 py-2 font-mono font-medium text-slate-900">
              {c.key}
            </th>
            <td className="px-3 py-2">{KIND_NAMES[c.kind]}</td>
            <td className="px-3 py-2">{c.access.join(', ') || 'none'}</td>
            <td className="px-3 py-2">{c.active ? 'Yes' : 'No'}</td>
            <td className="px-3 py-2">{c.lastUsedAt ? moment(c.lastUsedAt) : 'never'}</td>
            <td className="px-3 py-2">
              <div className="flex flex-wrap gap-2">
                <RotateDialog
                  client={c}
                  rotate={(overlapSeconds) =>
                    act(
                      callApi(
                        { method: 'POST', url: `/v2/apiClients/${c.id}/rotate`, body: { overlapSeconds } },
                        Secret,
                      ),
                      (d) => setShown({ label: `New secret of ${c.key}`, value: d.secret }),
                    )
                  }
                />
                <Button
                  size="sm"
                  variant={c.active ? 'destructive' : 'outline'}
                  onClick={() =>
                    void act(
                      callApi({ method: 'PATCH', url: `/v2/apiClients/${c.id}`, body: { active: !c.active } }, Client),
                    )
                  }
                >
                  {c.active ? 'Revoke' : 'Restore'}
                </Button>
              </div>
            </td>
          </tr>
        ))}
      </AdminTable>
    </div>
  );
}

function RotateDialog({ client, rotate }: { client: ApiClientRow; rotate: (overlap: number) => Promise<boolean> }) {
  const [open, setOpen] = useState(false);
  const [overlap, setOverlap] = useState('0');
  const id = `overlap-${client.id}`;
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button size="sm" variant="outline">
          Rotate secret
        </Button>
      </DialogTrigger>
      <DialogContent className="max-w-md">
        <DialogTitle>Rotate the secret of {client.key}</DialogTitle>
        <DialogDescription>
          A new secret is shown once. The old one keeps working for the overlap, then fails (with 0: within a minute).
        </DialogDescription>
        <form
          className="flex flex-col gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            void rotate(Number(overlap)).then((ok) => ok && setOpen(false));
          }}
        >
          <FormField id={id} label="Overlap (seconds)" hint="0 to 86400 (a day)">
            <Input
              id={id}
              type="number"
              min={0}
              max={86400}
              step={1}
              value={overlap}
              onChange={(e) => setOverlap(e.target.value)}
            />
          </FormField>
          <div>
            <Button type="submit">Rotate secret</Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}

function AddClientDialog({ onCreated }: { onCreated: (key: string, secret: string) => void }) {
  const { dialog, errors, pending, save } = useAdminDialog();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const body = {
      kind: String(data.get('kind')),
      key: String(data.get('key')),
      access: API_ACCESS.filter((a) => data.get(`access-${a}`) !== null),
    };
    await save(
      Object.keys(body),
      () => callApi({ method: 'POST', url: '/v2/apiClients', body }, Created),
      (d) => onCreated(d.key, d.secret),
    );
  }

  return (
    <Dialog {...dialog}>
      <DialogTrigger asChild>
        <Button>Add API client</Button>
      </DialogTrigger>
      <DialogContent className="max-w-md">
        <DialogTitle>Add API client</DialogTitle>
        <DialogDescription>
          A till signs in with Basic (its key is the till code); an OAuth client exchanges key and secret for a token.
        </DialogDescription>
        <form onSubmit={onSubmit} className="flex flex-col gap-4">
          <FormError message={errors.form} />
          <FormField id="client-kind" label="Kind" required error={errors.kind}>
            <Select id="client-kind" name="kind" defaultValue="TILL">
              {API_CLIENT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {KIND_NAMES[k]}
                </option>
              ))}
            </Select>
          </FormField>
          <FormField
            id="client-key"
            label="Key"
            required
            error={errors.key}
            hint="Till code or OAuth key: letters, digits, . _ @ -"
          >
            <Input
              id="client-key"
              name="key"
              required
              autoComplete="off"
              aria-invalid={errors.key ? true : undefined}
            />
          </FormField>
          <fieldset className="flex flex-col gap-2">
            <legend className="mb-1 text-sm font-medium text-slate-900">Access</legend>
            {API_ACCESS.map((a) => (
              <div key={a} className="flex items-center gap-2">
                <Checkbox id={`access-${a}`} name={`access-${a}`} defaultChecked={a === 'customers:write'} />
                <Label htmlFor={`access-${a}`} className="font-mono">
                  {a}
                </Label>
              </div>
            ))}
            {errors.access && <p className="text-xs font-medium text-red-700">{errors.access}</p>}
          </fieldset>
          <div>
            <Button type="submit" disabled={pending}>
              Add API client
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
