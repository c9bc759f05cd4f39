'use client';

import { Pencil } from 'lucide-react';
import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import type { ProfileView } from '@/lib/customers/views';
import { ChangeIdentifiersDialog } from './identifiers-dialog';
import { ProfileForm } from './profile-form';
import { SavedStatus, savedNote } from './saved-status';
import type { EditTarget } from './use-customer-write';
import { useInPlaceEdit } from './use-in-place-edit';

interface Props extends EditTarget {
  identifiers: ProfileView['identifiers'];
  accountLabel: string;
  /** The account as the page shows it, replaced by the form while editing. */
  children: ReactNode;
}

/** One source-account tab: "Edit profile" (in place) and "Change identifiers" (a dialog). */
export function AccountCare({ config, customerId, version, initial, identifiers, accountLabel, children }: Props) {
  const edit = useInPlaceEdit('Profile saved.');

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-2">
        <Button variant="outline" size="sm" {...edit.buttonProps}>
          <Pencil aria-hidden="true" />
          Edit profile
        </Button>
        <ChangeIdentifiersDialog
          config={config}
          customerId={customerId}
          version={version}
          initial={initial}
          identifiers={identifiers}
          accountLabel={accountLabel}
          onSaved={(saved) => edit.setNote(savedNote('Identifiers saved.', saved))}
        />
      </div>
      <SavedStatus note={edit.note} />
      {edit.editing ? (
        <div id={edit.formId}>
          <ProfileForm
            // A reload after someone else's change brings a new version: the form starts again from it.
            key={version}
            config={config}
            customerId={customerId}
            version={version}
            initial={initial}
            accountLabel={accountLabel}
            onDone={edit.close}
          />
        </div>
      ) : (
        children
      )}
    </div>
  );
}
