import { ApiError } from '@/lib/errors';

/**
 * The request body, refused with 413 as soon as it passes `max` bytes. Reading it whole first
 * (req.arrayBuffer) would hold any chunked upload without Content-Length in memory, however big.
 */
export async function readBodyAtMost(req: Request, max: number): Promise<Uint8Array> {
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => {});
      throw ApiError.of(413);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
