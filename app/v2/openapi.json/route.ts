// GET /v2/openapi.json — the OpenAPI 3.1 document, generated from the schemas (public, built once per process)
import { methodNotAllowed, publicRoute } from '@/lib/api/handler';
import { getOpenApiDocument } from '@/lib/openapi/document';

export const dynamic = 'force-dynamic';

export const GET = publicRoute(
  { envelope: 'v2' },
  async () =>
    new Response(getOpenApiDocument().json, {
      status: 200,
      headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'public, max-age=300' },
    }),
);

export const { POST, PUT, PATCH, DELETE } = methodNotAllowed('v2', ['GET']);
