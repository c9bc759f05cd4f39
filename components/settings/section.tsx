import { Plus, Trash2 } from 'lucide-react';
import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';

/** One part of the configuration: a landmark named by its heading, so it can be reached directly. */
export function SettingsSection({
  id,
  title,
  description,
  children,
}: {
  id: string;
  title: string;
  description?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Card id={id} aria-labelledby={`${id}-title`} className="scroll-mt-20">
      <CardHeader>
        <CardTitle id={`${id}-title`}>{title}</CardTitle>
        {description && <CardDescription>{description}</CardDescription>}
      </CardHeader>
      <CardContent className="flex flex-col gap-4">{children}</CardContent>
    </Card>
  );
}

/** A row of a list (a label, a till, a tier): a named group, so "Name" is told apart from row to row. */
export function Row({
  label,
  onRemove,
  removeLabel,
  className,
  children,
}: {
  label: string;
  onRemove?: () => void;
  removeLabel: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div
      role="group"
      aria-label={label}
      className="flex items-start gap-2 rounded-md border border-slate-200 bg-slate-50/60 p-3"
    >
      <div className={cn('grid min-w-0 flex-1 items-start gap-3', className)}>{children}</div>
      {onRemove && (
        <Button
          variant="ghost"
          size="icon"
          className="mt-6 shrink-0"
          aria-label={removeLabel}
          title={removeLabel}
          onClick={onRemove}
        >
          <Trash2 aria-hidden="true" />
        </Button>
      )}
    </div>
  );
}

export function AddButton({ onClick, children }: { onClick: () => void; children: ReactNode }) {
  return (
    <div>
      <Button variant="outline" size="sm" onClick={onClick}>
        <Plus aria-hidden="true" />
        {children}
      </Button>
    </div>
  );
}

export function EmptyNote({ children }: { children: ReactNode }) {
  return <p className="text-sm text-slate-500">{children}</p>;
}
