'use client';
// The API reference (Scalar) for /docs/api. Everything it needs ships with the app: default fonts,
// telemetry and the AI agent are off, and "Try it" calls this server directly (no Scalar proxy).
import '@scalar/api-reference-react/style.css';
import dynamic from 'next/dynamic';
import { useSyncExternalStore } from 'react';

// Scalar mounts a Vue app into the DOM: browser only.
const ApiReferenceReact = dynamic(() => import('@scalar/api-reference-react').then((m) => m.ApiReferenceReact), {
  ssr: false,
  loading: () => <p className="p-8 text-slate-600">Loading the API reference…</p>,
});

const noSubscription = () => () => {};

export function ApiReference({ document }: { document: Record<string, unknown> }) {
  // The server to try requests against is the one serving this page, whatever its host and port.
  const origin = useSyncExternalStore(
    noSubscription,
    () => window.location.origin,
    () => null,
  );
  if (!origin) return null;
  return (
    // Marked as a third party's markup: the e2e accessibility check leaves it out (e2e/support/axe.ts).
    <div data-third-party="scalar">
      <ApiReferenceReact
        configuration={{
          content: document,
          servers: [{ url: origin, description: 'This server' }],
          withDefaultFonts: false,
          telemetry: false,
          agent: { disabled: true },
          showDeveloperTools: 'never',
          hideClientButton: true,
          documentDownloadType: 'json',
          authentication: { preferredSecurityScheme: 'basicAuth' },
          defaultOpenAllTags: true,
          orderSchemaPropertiesBy: 'preserve',
        }}
      />
    </div>
  );
}
