/**
 * CSV output for the demo generator: RFC 4180 quoting, LF line ends, UTF-8,
 * and a buffered writer that batches lines into large strings and waits for
 * 'drain' when the stream asks it to (backpressure).
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';

import { csvField } from '../../src/lib/csv.ts';

/** One field, quoted only when it has to be (comma, quote, CR or LF): the product's one CSV field rule. */
export { csvField };

/** One record with its LF terminator. */
export function csvLine(values: ReadonlyArray<string | number | boolean | null | undefined>): string {
  let out = '';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) out += ',';
    out += csvField(values[i]);
  }
  return out + '\n';
}

export class BufferedCsvWriter {
  private readonly stream: WriteStream;
  private buffer = '';
  private failure: Error | null = null;
  rows = 0;

  constructor(
    readonly path: string,
    header: readonly string[],
    private readonly flushAt = 1 << 20
  ) {
    this.stream = createWriteStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 });
    this.stream.on('error', (err) => {
      this.failure = err;
    });
    this.buffer = csvLine(header);
  }

  /**
   * Append one already-formatted line (with '\n'). Returns a promise only when
   * the buffer was handed to the stream and the stream wants us to wait; the
   * hot loop does `const p = w.push(line); if (p) await p;`.
   */
  push(line: string): Promise<void> | undefined {
    this.buffer += line;
    this.rows++;
    if (this.buffer.length >= this.flushAt) return this.flush();
    return undefined;
  }

  /** Hand the buffer to the stream; resolves once it may take more. */
  async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.buffer.length === 0) return;
    const chunk = this.buffer;
    this.buffer = '';
    if (!this.stream.write(chunk)) await this.waitForDrain();
    if (this.failure) throw this.failure;
  }

  async close(): Promise<void> {
    await this.flush();
    const finished = once(this.stream, 'finish');
    this.stream.end();
    await finished;
    if (this.failure) throw this.failure;
  }

  private async waitForDrain(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      const onDrain = () => {
        this.stream.off('error', onError);
        resolve();
      };
      const onError = (err: Error) => {
        this.stream.off('drain', onDrain);
        reject(err);
      };
      this.stream.once('drain', onDrain);
      this.stream.once('error', onError);
    });
  }
}
