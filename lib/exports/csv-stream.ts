import "server-only";
import { stringify } from "csv-stringify/sync";
import type { CsvCell } from "./cells";

/** Rows read per query: a keyset page of the export. */
export const EXPORT_BATCH_SIZE = 1000;

/**
 * A CSV file as a byte stream: a UTF-8 byte-order mark (so Excel reads
 * accents right), the header row, then each batch of records as the source
 * yields it, with CRLF line endings. The stream pulls: the next batch is
 * read only once the consumer has taken the previous one, so memory holds
 * about one batch whatever the size of the export. Cancelling the stream
 * (the client went away) stops the source; a failing query errors the stream.
 */
export function csvStream(columns: readonly string[], batches: AsyncIterable<CsvCell[][]>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let iterator: AsyncIterator<CsvCell[][]> | undefined;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(stringify([], { bom: true, header: true, columns: [...columns], record_delimiter: "windows" })));
    },
    async pull(controller) {
      iterator ??= batches[Symbol.asyncIterator]();
      const next = await iterator.next();
      if (next.done) {
        controller.close();
        return;
      }
      if (next.value.length > 0) controller.enqueue(encoder.encode(stringify(next.value, { record_delimiter: "windows" })));
    },
    async cancel() {
      await iterator?.return?.();
    },
  });
}

/**
 * Keyset pagination: pages of `EXPORT_BATCH_SIZE` rows, each read after the
 * last row of the previous one (never OFFSET, so the last page costs what the
 * first does). Stops after a short page.
 */
export async function* keysetPages<Row>(readPage: (after: Row | undefined) => Promise<Row[]>): AsyncGenerator<Row[]> {
  let after: Row | undefined;
  for (;;) {
    const rows = await readPage(after);
    if (rows.length > 0) yield rows;
    if (rows.length < EXPORT_BATCH_SIZE) return;
    after = rows.at(-1);
  }
}
