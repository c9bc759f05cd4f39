// The introduction of the OpenAPI document (Markdown, rendered at /docs/api). The code tables are
// generated from lib/errors.ts; docs/api.md says the same at length, with curl examples.
import { renderErrorTable, renderWarningTable } from './code-tables';

export const API_DESCRIPTION = `
Register customers and read them back; compatible with Capillary's \`POST /v2/customers\` ("Add Customer").

## Authentication
- **Basic**: \`Authorization: Basic base64(tillCode + ":" + md5hex(password))\` (the till password is sent as
  its lowercase hex MD5). In "Try it", enter the till code and the MD5 hex of its password.
- **OAuth**: \`POST /v3/oauth/token/generate\` with \`{ "key", "secret" }\` gives a token for 300 seconds;
  send it as header \`X-CAP-API-OAUTH-TOKEN\`. When both are sent, the token decides.

A client sees only its own org: another org's customer id answers 404 (8015), exactly like an unknown id.

## Envelopes
Success of \`POST /v2/customers\`: \`{ "createdId", "warnings", "sideEffects" }\`. Every failure of a /v2 or
/v3 route is JSON with \`errors\` (items \`{ "status": false, "code", "message" }\`, plus \`field\` when a value is
to blame) and \`warnings\`; \`createdId: null\` is added on \`POST /v2/customers\`, \`data: null\` on /v3.
Rely on codes, not messages. Every response carries \`X-Request-Id\`.

## Identity rules
Within one source account an identifier belongs to one customer: registering it again answers **8006**.
An identifier known in another source of the org adds this source account to that customer (warning
**8050**); identifiers of two or more different customers answer **8052**. Nothing is ever merged or updated.

## Idempotency and rate limits
\`Idempotency-Key\` (POST /v2/customers, at most 255 characters, 24 hours): the same key and body replay the
first response (header \`Idempotent-Replayed: true\`); the same key with another body answers 422.
Requests are limited per org per minute (\`RateLimit-Limit\`, \`RateLimit-Remaining\`, \`RateLimit-Reset\`);
over the limit: HTTP 429, code 517, with \`Retry-After\` in seconds.

## Error codes
${renderErrorTable()}

## Warning codes
${renderWarningTable()}
`.trim();
