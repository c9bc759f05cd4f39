'use client';

import { useMomentFormat } from '@/components/customer/local-time';
// The Staff page: the org's staff in a table; add one (a one-time password shown once), change a role,
// deactivate or reactivate, reset a password. Every change goes through the administration API
// (/v2/staff) with the session, so the page and integrators obey the same rules (9701, 9702).
import { useState, type FormEvent } from 'react';
import { z } from 'zod';
import { callApi } from '@/components/form/api-request';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogTitle, DialogTrigger } from '@/components/ui/dialog';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { STAFF_ROLES } from '@/lib/vocabulary';
import { useAdminActions } from './admin-actions';
import { FormError, useAdminDialog } from './admin-dialog';
import { AdminError, AdminTable } from './admin-table';
import { ShownOnce, type Shown } from './shown-once';

const Member = z.object({
  id: z.number(),
  email: z.string(),
  name: z.string(),
  role: z.enum(STAFF_ROLES),
  active: z.boolean(),
  createdAt: z.string(),
  lastSignInAt: z.string().nullable(),
});
export type StaffMember = z.infer<typeof Member>;
const List = z.object({ staff: z.array(Member) });
const Created = z.object({ id: z.number(), oneTimePassword: z.string() });
const OneTime = z.object({ oneTimePassword: z.string() });

export function StaffAdmin({ initial }: { initial: StaffMember[] }) {
  const moment = useMomentFormat();
  const when = (iso: string | null) => (iso ? moment(iso) : 'never');
  const [staff, setStaff] = useState(initial);
  const [shown, setShown] = useState<Shown | null>(null);

  async function reload() {
    const res = await callApi({ method: 'GET', url: '/v2/staff' }, List);
    if (res.ok) setStaff(res.data.staff);
  }

  const { error, act } = useAdminActions(reload);

  const patch = (m: StaffMember, body: Record<string, unknown>) =>
    act(callApi({ method: 'PATCH', url: `/v2/staff/${m.id}`, body }, Member));

  return (
    <div className="flex flex-col gap-4">
      <div className="flex justify-end">
        <AddStaffDialog
          onCreated={(name, password) => {
            setShown({ label: `One-time password for ${name}`, value: password });
            void reload();
          }}
        />
      </div>
      <AdminError message={error} />
      <ShownOnce
        shown={shown}
        note="Shown only now. Give it to the person: at their first sign-in they must choose their own password."
      />
      <AdminTable
        caption="Staff members"
        columns={['Name', 'Email', 'Role', 'Active', 'Last sign-in', { label: 'Actions', hidden: true }]}
      >
        {staff.map((m) => (
          <tr key={m.id} className="border-t border-slate-200">
            <th scope="row" className="px-3 py-2 font-medium text-slate-900">
              {m.name}
            </th>
            <td className="px-3 py-2">{m.email}</td>
            <td className="px-3 py-2">
              <Select
                aria-label={`Role of ${m.name}`}
                value={m.role}
                onChange={(e) => void patch(m, { role: e.target.value })}
                className="h-8 w-36"
              >
                {STAFF_ROLES.map((r) => (
                  <option key={r} value={r}>
                    {r}
                  </option>
                ))}
              </Select>
            </td>
            <td className="px-3 py-2">{m.active ? 'Yes' : 'No'}</td>
            <td className="px-3 py-2">{when(m.lastSignInAt)}</td>
            <td className="px-3 py-2">
              <div className="flex flex-wrap gap-2">
                <Button size="sm" variant="outline" onClick={() => void patch(m, { active: !m.active })}>
                  {m.active ? 'Deactivate' : 'Reactivate'}
                </Button>
                <Button
                  size="sm"
                  variant="outline"
                  onClick={() =>
                    void act(callApi({ method: 'POST', url: `/v2/staff/${m.id}/resetPassword` }, OneTime), (d) =>
                      setShown({ label: `One-time password for ${m.name}`, value: d.oneTimePassword }),
                    )
                  }
                >
                  Reset password
                </Button>
              </div>
            </td>
          </tr>
        ))}
      </AdminTable>
    </div>
  );
}

function AddStaffDialog({ onCreated }: { onCreated: (name: string, password: string) => void }) {
  const { dialog, errors, pending, save } = useAdminDialog();

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const body = { name: String(data.get('name')), email: String(data.get('email')), role: String(data.get('role')) };
    await save(
      Object.keys(body),
      () => callApi({ method: 'POST', url: '/v2/staff', body }, Created),
      (d) => onCreated(body.name, d.oneTimePassword),
    );
  }

  return (
    <Dialog {...dialog}>
      <DialogTrigger asChild>
        <Button>Add staff member</Button>
      </DialogTrigger>
      <DialogContent className="max-w-md">
        <DialogTitle>Add staff member</DialogTitle>
        <DialogDescription>
          They get a one-time password, shown once, and choose their own at first sign-in.
        </DialogDescription>
        <form onSubmit={onSubmit} className="flex flex-col gap-4">
          <FormError message={errors.form} />
          <FormField id="staff-name" label="Name" required error={errors.name}>
            <Input
              id="staff-name"
              name="name"
              required
              autoComplete="off"
              aria-invalid={errors.name ? true : undefined}
            />
          </FormField>
          <FormField id="staff-email" label="Email" required error={errors.email}>
            <Input
              id="staff-email"
              name="email"
              type="email"
              required
              autoComplete="off"
              aria-invalid={errors.email ? true : undefined}
            />
          </FormField>
          <FormField id="staff-role" label="Role" required error={errors.role}>
            <Select id="staff-role" name="role" defaultValue="staff">
              {STAFF_ROLES.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </Select>
          </FormField>
          <div>
            <Button type="submit" disabled={pending}>
              Add staff member
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
