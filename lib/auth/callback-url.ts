export const HOME_PATH = '/member-care/ui';
/** Set by proxy.ts on /member-care requests, so a layout knows where to come back to. */
export const PATH_HEADER = 'x-member-care-path';

/** Only paths of this site: an absolute or protocol-relative URL would make sign-in an open redirect. */
export function safeCallbackUrl(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return HOME_PATH;
  if (/[\u0000-\u001f]/.test(value)) return HOME_PATH;
  return value;
}

export function loginUrlFor(from: string | null | undefined): string {
  return `/login?callbackUrl=${encodeURIComponent(safeCallbackUrl(from))}`;
}
