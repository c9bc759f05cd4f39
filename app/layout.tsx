import type { Metadata } from 'next';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { ZodBrowserConfig } from '@/components/zod-browser-config';
import './globals.css';

export const metadata: Metadata = { title: 'Member Care', description: 'Loyalty CRM customer registration' };

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request: Next reads this request's script nonce from the CSP header
  // proxy.ts set and puts it on its scripts (docs/api.md, "Security headers"); a page built ahead
  // of time would carry none and the browser would refuse its scripts.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <ZodBrowserConfig />
        {children}
      </body>
    </html>
  );
}
