// The one way an import's CSV is read, at upload (to count rows and report the columns) and by the
// worker: csv-parse, streaming, UTF-8 with or without BOM, the header row first, blank lines skipped.
import { parse, type Parser } from 'csv-parse';

/** A record longer than this is refused (an unclosed quote would otherwise swallow the file). */
const MAX_RECORD_BYTES = 1024 * 1024;

export function csvParser(): Parser {
  return parse({
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    max_record_size: MAX_RECORD_BYTES,
  });
}

export { CsvError } from 'csv-parse';
