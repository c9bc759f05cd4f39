'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { savedNote, type SavedNote } from './saved-status';
import type { WriteWarning } from './use-customer-write';

/**
 * A form that opens in place of what it edits: the button that opened it says so (aria-expanded),
 * and closing it, saved or cancelled, gives the keyboard back to that button.
 */
export function useInPlaceEdit(savedText: string) {
  const [editing, setEditing] = useState(false);
  const [note, setNote] = useState<SavedNote | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);
  const formId = useId();

  useEffect(() => {
    if (!editing && returnFocus.current) {
      returnFocus.current = false;
      button.current?.focus();
    }
  }, [editing]);

  return {
    editing,
    note,
    setNote,
    buttonProps: {
      ref: button,
      'aria-expanded': editing,
      'aria-controls': editing ? formId : undefined,
      onClick: () => {
        setNote(null);
        setEditing(true);
      },
    },
    formId,
    close: (saved: { warnings: WriteWarning[] } | null) => {
      returnFocus.current = true;
      setNote(savedNote(savedText, saved));
      setEditing(false);
    },
  };
}
