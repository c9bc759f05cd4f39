// An import's results as CSV, streamed a page of rows at a time: row, outcome, customerId, codes, message.
type Page = (
  afterRow: number,
  limit: number,
) => Promise<{ row: number; outcome: string; customerId: number | null; codes: string; message: string }[]>;

const PAGE = 5_000;

/** A field as RFC 4180 writes it; a leading = + - @ is quoted after a ' so a spreadsheet does not run it. */
function field(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function resultsCsv(page: Page): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let after = 0;
  let started = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode('row,outcome,customerId,codes,message\r\n'));
      }
      const rows = await page(after, PAGE);
      if (rows.length > 0) {
        after = rows[rows.length - 1]!.row;
        controller.enqueue(
          encoder.encode(
            rows.map((r) => [r.row, r.outcome, r.customerId, r.codes, r.message].map(field).join(',')).join('\r\n') +
              '\r\n',
          ),
        );
      }
      if (rows.length < PAGE) controller.close();
    },
  });
}
