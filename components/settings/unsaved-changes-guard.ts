// Leaving a form with unsaved changes asks first (ui-contract.md, "Settings").

import { useEffect } from 'react';

export const LEAVE_MESSAGE = 'Leave this page? The settings you changed have not been saved.';

/**
 * While `dirty`, leaving asks first: a reload or a closed tab through the browser's own question
 * (beforeunload), a link to another page of the app through a confirmation. Links within the same
 * page, and to the pages `keeps` names (the editor's other pages, whose form is this one), pass:
 * the edits stay.
 */
export function useUnsavedChangesGuard(dirty: boolean, keeps: (pathname: string) => boolean) {
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      // Older browsers ask only when returnValue is set.
      e.returnValue = '';
    };
    const onClick = (e: MouseEvent) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const link = e.target instanceof Element ? e.target.closest('a[href]') : null;
      if (!(link instanceof HTMLAnchorElement) || link.target === '_blank' || link.hasAttribute('download')) return;
      const to = new URL(link.href, window.location.href);
      if (to.origin === window.location.origin && (to.pathname === window.location.pathname || keeps(to.pathname))) {
        return;
      }
      if (!window.confirm(LEAVE_MESSAGE)) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    // Capture: before Next's Link handles the click and navigates on the client.
    document.addEventListener('click', onClick, true);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('click', onClick, true);
    };
  }, [dirty, keeps]);
}
