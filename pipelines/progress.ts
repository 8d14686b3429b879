/**
 * Progress on stderr: a redrawn bar on a terminal; elsewhere (CI logs) a
 * line per phase once a file has taken more than two seconds; nothing when quiet.
 */
import type { WriteStream } from 'node:tty';

export function createProgress(stream: NodeJS.WriteStream | WriteStream, quiet: boolean) {
  const tty = Boolean((stream as WriteStream).isTTY);
  let lastPhase = '';
  let drawn = false;
  let startedAt = 0;
  return {
    start() {
      lastPhase = '';
      startedAt = Date.now();
    },
    update(file: string, phase: string, fraction?: number) {
      if (quiet) return;
      if (tty) {
        const width = 24;
        const bar = fraction === undefined ? '' : ` [${'#'.repeat(Math.round(fraction * width)).padEnd(width, '.')}] ${Math.round(fraction * 100)}%`;
        stream.write(`\r\x1b[2K${file}: ${phase}${bar}`);
        drawn = true;
      } else if (phase !== lastPhase && Date.now() - startedAt > 2000) {
        // In logs, only work that takes a while is worth a line.
        stream.write(`${file}: ${phase} (${Math.round((Date.now() - startedAt) / 1000)} s)\n`);
      }
      lastPhase = phase;
    },
    done() {
      if (drawn) stream.write('\r\x1b[2K');
      drawn = false;
    }
  };
}
