/** Reading a request's headers by name: web Headers, and the server's adapter of node:http's. */
export interface HeaderSource {
  get(name: string): string | null;
}
