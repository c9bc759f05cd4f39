// Guessing credentials against the running server (docs/api.md, "Guessing credentials"): the
// address counted is the socket's, stamped by the server; a client cannot spread its failures
// over made-up addresses with X-Forwarded-For or the stamp's own header name.
import { randomUUID } from 'node:crypto';
import { expect, test } from './fixtures';
import { basicAuth } from './support/api';

test('ten failures from one socket, whatever addresses the client claims, then 429 with Retry-After', async ({
  request,
}) => {
  // An unknown till code counts like a known one, and blocks nobody else's till.
  const wrong = basicAuth({ code: `guess-${randomUUID()}.till`, password: 'Guess@123' });
  const attempt = (i: number) =>
    request.get('/v2/extendedFields', {
      headers: { authorization: wrong, 'x-forwarded-for': `203.0.113.${i}`, 'x-member-care-peer': `198.51.100.${i}` },
    });
  for (let i = 0; i < 10; i++) expect((await attempt(i)).status()).toBe(401);
  const refused = await attempt(10);
  expect(refused.status()).toBe(429);
  expect(Number(refused.headers()['retry-after'])).toBeGreaterThan(14 * 60);
  expect(await refused.json()).toMatchObject({ errors: [{ status: false, code: 517 }] });
});
