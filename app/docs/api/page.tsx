// /docs/api — the API reference, rendered from the OpenAPI document the API serves at /v2/openapi.json
import type { Metadata } from 'next';
import { ApiReference } from '@/components/docs/api-reference';
import { getOpenApiDocument } from '@/lib/openapi/document';

export const metadata: Metadata = { title: 'API reference · Member Care' };

export default function ApiDocsPage() {
  // The JSON form: plain data, safe to hand to a client component.
  const document = JSON.parse(getOpenApiDocument().json) as Record<string, unknown>;
  return (
    <main>
      <h1 className="sr-only">Member Care API reference</h1>
      <ApiReference document={document} />
    </main>
  );
}
