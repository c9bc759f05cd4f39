// Leaving a form with unsaved changes asks first (ui-contract.md, "Settings").

import { useEffect } from 'react';

export const LEAVE_MESSAGE = 'Leave this page? The settings you changed have not been saved.';

/** What the guard reads of the Navigation API's `navigate` event (Chromium, Firefox, Safari 26). */
interface NavigateEvent extends Event {
  navigationType: 'push' | 'replace' | 'reload' | 'traverse';
  destination: { url: string };
}

/**
 * While `dirty`, leaving asks first: a reload or a closed tab through the browser's own question
 * (beforeunload), a link to another page of the app or the browser's Back and Forward through a
 * confirmation. Links within the same page, and to the pages `keeps` names (the editor's other pages,
 * whose form is this one), pass: the edits stay.
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
    // Back and Forward within the app: the Navigation API's event comes before the router moves (by
    // popstate it is too late: the page is already gone) and may be cancelled. Where the browser has
    // no Navigation API, beforeunload still asks for a Back that leaves the app.
    const navigation = (window as unknown as { navigation?: EventTarget }).navigation;
    const onNavigate = (e: Event) => {
      const { navigationType, destination, cancelable } = e as NavigateEvent;
      if (navigationType !== 'traverse' || !cancelable) return;
      const to = new URL(destination.url);
      if (to.origin === window.location.origin && (to.pathname === window.location.pathname || keeps(to.pathname))) {
        return;
      }
      if (!window.confirm(LEAVE_MESSAGE)) e.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    // Capture: before Next's Link handles the click and navigates on the client.
    document.addEventListener('click', onClick, true);
    navigation?.addEventListener('navigate', onNavigate);
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('click', onClick, true);
      navigation?.removeEventListener('navigate', onNavigate);
    };
  }, [dirty, keeps]);
}
