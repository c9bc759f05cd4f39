import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { addressFrom, PEER_HEADER } from './client-address';
import { hookServers } from './server-hook';

const headers =
  (h: Record<string, string>) =>
  (name: string): string | undefined =>
    h[name];

describe("the caller's address", () => {
  it('is the stamped socket address unless a trusted proxy names the first hop', () => {
    const h = headers({ [PEER_HEADER]: '10.0.0.9', 'x-forwarded-for': '203.0.113.7, 10.0.0.9' });
    expect(addressFrom(h, false)).toBe('10.0.0.9');
    expect(addressFrom(h, true)).toBe('203.0.113.7');
    expect(addressFrom(headers({ [PEER_HEADER]: '10.0.0.9' }), true)).toBe('10.0.0.9');
    expect(addressFrom(headers({}), false)).toBe('unknown');
  });

  it('is stamped by the server from the socket, whatever the client sent under that name', async () => {
    hookServers();
    const server = http.createServer((req, res) => res.end(JSON.stringify(req.headers[PEER_HEADER])));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const res = await fetch(`http://127.0.0.1:${port}/`, { headers: { [PEER_HEADER]: '198.51.100.1' } });
      expect(await res.json()).toBe('127.0.0.1');
    } finally {
      server.close();
    }
  });
});
