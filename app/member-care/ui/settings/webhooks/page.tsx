// /member-care/ui/settings/webhooks — the org's webhooks: add (the signing secret shown once), edit,
// delete, and each one's delivery log with "Send again" (webhooks:manage, i.e. admins; others get 403)
import type { Metadata } from 'next';
import { AdminPage } from '@/components/admin/admin-page';
import { WebhooksAdmin } from '@/components/admin/webhooks-admin';
import { getDb } from '@/db/client';
import { requireStaff } from '@/lib/auth/require-staff';
import { getWebhooksWithLastDelivery } from '@/lib/webhooks/manage';

export const metadata: Metadata = { title: 'Webhooks · Member Care' };
const URL = '/member-care/ui/settings/webhooks';

export default async function WebhooksPage() {
  const staff = await requireStaff({ access: 'webhooks:manage', from: URL });
  const hooks = await getWebhooksWithLastDelivery(await getDb(), staff.orgId);
  return (
    <AdminPage
      current={URL}
      title="Webhooks"
      description="Other systems told of each customer change as it happens, signed with the webhook's secret (X-MC-Signature). The secret is shown once, when the webhook is added."
    >
      <WebhooksAdmin hooks={hooks} />
    </AdminPage>
  );
}
