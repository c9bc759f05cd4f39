'use client';

import { Pencil } from 'lucide-react';
import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { DetailsForm } from './details-form';
import { SavedStatus } from './saved-status';
import type { EditTarget } from './use-customer-write';
import { useInPlaceEdit } from './use-in-place-edit';

interface Props extends EditTarget {
  /** The status label and extended fields as the page shows them, replaced by the form while editing. */
  children: ReactNode;
}

/** The customer-level details: "Edit details" opens the status label and extended fields in place. */
export function DetailsCare({ config, customerId, version, initial, children }: Props) {
  const edit = useInPlaceEdit('Details saved.');

  return (
    <div className="flex flex-col gap-4">
      <div>
        <Button variant="outline" size="sm" {...edit.buttonProps}>
          <Pencil aria-hidden="true" />
          Edit details
        </Button>
      </div>
      <SavedStatus note={edit.note} />
      {edit.editing ? (
        <div id={edit.formId}>
          <DetailsForm
            key={version}
            config={config}
            customerId={customerId}
            version={version}
            initial={initial}
            onDone={edit.close}
          />
        </div>
      ) : (
        children
      )}
    </div>
  );
}
