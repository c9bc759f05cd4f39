// A customer id as it comes in a path (/v2/customers/{id}, /member-care/ui/customer/{id}): digits
// only, at least 1, and small enough to be exact as a JavaScript number (customers.id is a bigint).
// Anything else is no customer: the caller answers it as it answers an unknown id (404), so an id
// never reveals whether it exists.

/** The id, or null when the text cannot be one. */
export function parseCustomerId(text: string): number | null {
  if (!/^\d{1,16}$/.test(text)) return null;
  const id = Number(text);
  return id >= 1 && Number.isSafeInteger(id) ? id : null;
}
