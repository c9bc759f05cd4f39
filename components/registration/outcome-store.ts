// The form hands a registration's warnings and side effects to the customer page through
// sessionStorage (this tab only), keyed by customer id; the page takes them once.
import { z } from 'zod';

const KEY_PREFIX = 'member-care:registration:';

export const RegistrationOutcomeSchema = z.object({
  warnings: z.array(z.object({ code: z.number(), message: z.string() })),
  sideEffects: z.array(
    z.looseObject({
      type: z.string(),
      awardedPoints: z.number().optional(),
      isReferrer: z.boolean().optional(),
      customerId: z.number().optional(),
      awardedValue: z.number().optional(),
      alternateCurrencyName: z.string().optional(),
      couponCode: z.string().optional(),
      description: z.string().optional(),
      validTill: z.string().optional(),
    }),
  ),
});
export type RegistrationOutcome = z.infer<typeof RegistrationOutcomeSchema>;

export function saveRegistrationOutcome(
  customerId: number,
  outcome: RegistrationOutcome,
  storage: Storage = sessionStorage,
): void {
  try {
    storage.setItem(KEY_PREFIX + customerId, JSON.stringify(outcome));
  } catch {
    // Storage full or disabled: the customer page simply shows no notice.
  }
}

export function takeRegistrationOutcome(
  customerId: number,
  storage: Storage = sessionStorage,
): RegistrationOutcome | null {
  try {
    const raw = storage.getItem(KEY_PREFIX + customerId);
    if (raw === null) return null;
    storage.removeItem(KEY_PREFIX + customerId);
    const parsed = RegistrationOutcomeSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
