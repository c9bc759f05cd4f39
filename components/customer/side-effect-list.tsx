import { Coins, Gift, Ticket } from 'lucide-react';
import type { ReactNode } from 'react';
import { Day } from './local-time';

/** The parts of a side effect the page shows; the API's and the POST response's items both fit. */
export interface SideEffectItem {
  type: string;
  awardedPoints?: number;
  isReferrer?: boolean;
  customerId?: number;
  awardedValue?: number;
  alternateCurrencyName?: string;
  couponCode?: string;
  description?: string;
  validTill?: string;
}

function describe(e: SideEffectItem): { icon: typeof Coins; text: ReactNode; code?: string } {
  if (e.type === 'coupon') {
    return {
      icon: Ticket,
      text: (
        <>
          {e.description || 'Coupon'}, valid till <Day iso={e.validTill} />
        </>
      ),
      code: e.couponCode,
    };
  }
  if (e.type === 'alternate_currency')
    return { icon: Gift, text: `${e.awardedValue ?? 0} ${e.alternateCurrencyName ?? ''}`.trim() };
  const text = `${e.awardedPoints ?? 0} points`;
  return { icon: Coins, text: e.isReferrer ? `${text} to the referrer (customer ${e.customerId})` : text };
}

export function SideEffectList({ items }: { items: SideEffectItem[] }) {
  if (!items.length) return <p className="text-sm text-slate-500">None</p>;
  return (
    <ul className="flex flex-col gap-2">
      {items.map((e, i) => {
        const { icon: Icon, text, code } = describe(e);
        return (
          <li key={i} className="flex flex-wrap items-center gap-2 text-sm text-slate-800">
            <Icon aria-hidden="true" className="size-4 text-indigo-600" />
            <span>{text}</span>
            {code && (
              <code className="rounded bg-slate-100 px-2 py-0.5 font-mono text-sm font-semibold tracking-wider text-slate-900">
                {code}
              </code>
            )}
          </li>
        );
      })}
    </ul>
  );
}
