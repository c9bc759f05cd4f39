/** The heading staff see: the person's name, or "Customer {id}" when no profile has one. */
export function customerDisplayName(
  id: number,
  names: { firstName?: string | null; lastName?: string | null }[],
): string {
  for (const n of names) {
    const name = [n.firstName, n.lastName]
      .map((p) => p?.trim())
      .filter(Boolean)
      .join(' ');
    if (name) return name;
  }
  return `Customer ${id}`;
}

/** Up to two letters for the avatar: initials of the name, or "#" for a customer without one. */
export function initialsOf(displayName: string): string {
  if (/^Customer \d+$/.test(displayName)) return '#';
  const letters = displayName
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => [...w][0] ?? '');
  const picked = letters.length > 1 ? [letters[0], letters[letters.length - 1]] : letters;
  return picked.join('').toUpperCase() || '#';
}
