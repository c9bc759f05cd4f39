// A TCP proxy between the app's database client and PostgreSQL, for tests that take the database
// away without touching the server (others share it): cut, then restore.
import net from 'node:net';

export interface TcpProxy {
  port: number;
  /**
   * Stops forwarding what clients send, lets answers already under way through for `drainMs`, then
   * drops every connection; new ones are accepted and never answered (a database that went silent).
   */
  cut(drainMs: number): Promise<void>;
  /** Forwards new connections again. */
  restore(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  let open = true;
  const pairs = new Set<{ client: net.Socket; upstream: net.Socket }>();
  const silent = new Set<net.Socket>();
  const server = net.createServer((client) => {
    client.on('error', () => {});
    if (!open) {
      silent.add(client);
      client.on('close', () => silent.delete(client));
      return;
    }
    const upstream = net.connect(target);
    upstream.on('error', () => {});
    const pair = { client, upstream };
    pairs.add(pair);
    const drop = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('close', drop);
    upstream.on('close', drop);
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    async cut(drainMs) {
      open = false;
      const cutNow = [...pairs];
      for (const { client, upstream } of cutNow) client.unpipe(upstream);
      await new Promise((r) => setTimeout(r, drainMs));
      for (const { client, upstream } of cutNow) {
        client.destroy();
        upstream.destroy();
      }
    },
    restore() {
      open = true;
      for (const s of silent) s.destroy();
    },
    async close() {
      for (const { client, upstream } of pairs) {
        client.destroy();
        upstream.destroy();
      }
      for (const s of silent) s.destroy();
      await new Promise((r) => server.close(r));
    },
  };
}
