/**
 * Progress on stderr: a redrawn bar on a terminal, a line per phase
 * elsewhere (CI logs), nothing when quiet.
 */
import type { WriteStream } from 'node:tty';

export function createProgress(stream: NodeJS.WriteStream | WriteStream, quiet: boolean) {
  const tty = Boolean((stream as WriteStream).isTTY);
  let current = '';
  let lastPhase = '';
  let drawn = false;
  return {
    start(file: string) {
      current = file;
      lastPhase = '';
    },
    update(file: string, phase: string, fraction?: number) {
      if (quiet) return;
      if (tty) {
        const width = 24;
        const bar = fraction === undefined ? '' : ` [${'#'.repeat(Math.round(fraction * width)).padEnd(width, '.')}] ${Math.round(fraction * 100)}%`;
        stream.write(`\r\x1b[2K${file}: ${phase}${bar}`);
        drawn = true;
      } else if (phase !== lastPhase) {
        stream.write(`${file}: ${phase}\n`);
      }
      lastPhase = phase;
    },
    done() {
      if (drawn) stream.write('\r\x1b[2K');
      drawn = false;
      current = '';
    },
    get file() {
      return current;
    }
  };
}
