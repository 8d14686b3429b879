/**
 * A CSV reader that knows which physical line every record starts on, so that
 * a rejected record can be reported as "file, line, reason" even when earlier
 * records span several lines. RFC 4180 quoting; LF, CRLF or CR line ends.
 */
import { isUtf8 } from 'node:buffer';

export interface BadRecord {
  line: number;
  reason: string;
}

/**
 * The longest field we accept. Real participant lists have no cell near this
 * size; a bigger one is a pasted document or a broken export, and DuckDB's
 * reader would fail the whole file on it, so the record is rejected instead.
 */
export const MAX_FIELD_BYTES = 64 * 1024;

/** Why a record with a field of `bytes` bytes (over MAX_FIELD_BYTES) is rejected, for CSV and JSON alike. */
export function longFieldReason(bytes: number): string {
  return `a field of ${bytes.toLocaleString('en-US')} bytes is longer than the limit of ${MAX_FIELD_BYTES.toLocaleString('en-US')} bytes`;
}

export interface CsvScan {
  header: string[];
  /** Data records after the header, good and bad; blank lines are not records. */
  records: number;
  bad: BadRecord[];
  /**
   * True when record i (0-based, after the header) starts on line i + 2 and
   * every record is well formed: then DuckDB's own reader sees exactly the
   * same records in the same order, and line numbers follow from row order.
   */
  simple: boolean;
}

export type OnRecord = (fields: string[], line: number) => void;
export type OnProgress = (fraction: number) => void;

export interface ScanOptions {
  /**
   * Reject records whose bytes are not valid UTF-8. Set for a file that is
   * UTF-8 apart from a few broken records, so those records are reported
   * instead of the whole file being read in another encoding.
   */
  rejectInvalidUtf8?: boolean;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** Picks the delimiter that splits the header line into the most fields. */
export function sniffDelimiter(text: string): ',' | ';' | '\t' {
  const end = text.search(/\r|\n/);
  const headerLine = end < 0 ? text : text.slice(0, end);
  const unquoted = headerLine.replace(/"[^"]*"/g, '');
  const counts = ([',', ';', '\t'] as const).map((d) => [d, unquoted.split(d).length - 1] as const);
  const best = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
  return best[1] > 0 ? best[0] : ',';
}

/**
 * Scans UTF-8 bytes (BOM removed). Delimiters, quotes and line ends are
 * ASCII, and no byte of a multi-byte UTF-8 character is below 0x80, so the
 * scan never needs to decode text it does not hand over. With `onRecord`,
 * every well-formed data record is handed over with its fields; without it
 * only the counts and the bad records are collected, which is much faster.
 */
export function scanCsv(
  input: Buffer | string,
  delimiter: string,
  onRecord?: OnRecord,
  onProgress?: OnProgress,
  options: ScanOptions = {}
): CsvScan {
  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  const delim = delimiter.charCodeAt(0);
  const n = bytes.length;
  const text = (start: number, end: number) => bytes.toString('utf8', start, end);
  const wantFields = onRecord !== undefined;
  let pos = 0;
  let line = 1;
  let header: string[] | null = null;
  let records = 0;
  let simple = true;
  const bad: BadRecord[] = [];
  const fields: string[] = [];
  let nextProgress = 1 << 22;

  while (pos < n) {
    const startLine = line;
    const startPos = pos;
    fields.length = 0;
    let fieldCount = 0;
    let problem: string | null = null;
    let multiline = false;
    let firstBlank = false;
    let longField = 0;
    let nul = false;

    // One record: fields until an unquoted line end or the end of the text.
    for (;;) {
      let value = '';
      // Header fields are always kept: a quoted header ("Country") is as much a name as a bare one.
      const keep = wantFields || header === null;
      if (bytes[pos] === QUOTE) {
        pos++;
        const fieldStart = pos;
        let chunkStart = pos;
        let closed = false;
        while (pos < n) {
          const c = bytes[pos];
          if (c === QUOTE) {
            if (bytes[pos + 1] === QUOTE) {
              if (keep) value += text(chunkStart, pos + 1);
              pos += 2;
              chunkStart = pos;
              continue;
            }
            if (keep) value += text(chunkStart, pos);
            pos++;
            closed = true;
            break;
          }
          if (c === LF || (c === CR && bytes[pos + 1] !== LF)) {
            line++;
            multiline = true;
          } else if (c === 0) nul = true;
          pos++;
        }
        if (closed && pos - 1 - fieldStart > MAX_FIELD_BYTES) longField = Math.max(longField, pos - 1 - fieldStart);
        if (!closed) {
          // An unterminated quote would swallow the rest of the file: reject
          // this record alone and start again on the line after it.
          problem = 'unterminated quoted field';
          pos = nextLineStart(bytes, startPos);
          line = startLine + 1;
          multiline = false;
          break;
        }
        const c = pos < n ? bytes[pos] : LF;
        if (c !== delim && c !== LF && c !== CR) {
          problem = 'text after a closing quote';
          // Skip to the end of this field, then carry on with the record.
          while (pos < n && bytes[pos] !== delim && bytes[pos] !== LF && bytes[pos] !== CR) pos++;
        }
      } else {
        const fieldStart = pos;
        while (pos < n) {
          const c = bytes[pos];
          if (c === delim || c === LF || c === CR) break;
          if (c === 0) nul = true;
          pos++;
        }
        if (keep) value = text(fieldStart, pos);
        if (fieldCount === 0) firstBlank = isBlank(bytes, fieldStart, pos);
        if (pos - fieldStart > MAX_FIELD_BYTES) longField = Math.max(longField, pos - fieldStart);
      }
      if (keep) fields.push(value);
      fieldCount++;
      if (pos >= n) break;
      const c = bytes[pos];
      if (c === delim) {
        pos++;
        continue;
      }
      // Line end: CRLF, LF or a lone CR.
      if (c === CR) {
        pos++;
        if (bytes[pos] === LF) pos++;
        else simple = false;
      } else pos++;
      line++;
      break;
    }

    if (problem === 'unterminated quoted field') {
      if (header === null) throw new CsvError('the header line has an unterminated quote');
      records++;
      simple = false;
      bad.push({ line: startLine, reason: problem });
      continue;
    }

    const blank = fieldCount === 1 && firstBlank;
    if (blank) {
      if (header === null || pos < n) simple = false;
      continue;
    }
    if (header === null) {
      if (longField > 0) throw new CsvError(`the header line has a field of ${longField.toLocaleString('en-US')} bytes; is this a CSV file?`);
      header = fields.slice();
      continue;
    }
    records++;
    if (multiline) simple = false;
    if (problem === null && longField > 0) problem = longFieldReason(longField);
    if (problem === null && nul) problem = 'contains NUL bytes, which are not text';
    if (problem === null && options.rejectInvalidUtf8 && !isUtf8(bytes.subarray(startPos, pos))) {
      problem = 'contains bytes that are not valid UTF-8 text';
    }
    if (problem === null && fieldCount !== header.length) {
      const extraAllEmpty = wantFields && fieldCount > header.length && fields.slice(header.length).every((f) => f === '');
      if (!extraAllEmpty) problem = `has ${fieldCount} fields, expected ${header.length}`;
      simple = false;
    }
    if (problem !== null) {
      simple = false;
      bad.push({ line: startLine, reason: problem });
    } else if (onRecord) {
      onRecord(fields.length > header.length ? fields.slice(0, header.length) : fields, startLine);
    }
    if (onProgress && pos > nextProgress) {
      onProgress(pos / n);
      nextProgress = pos + (1 << 22);
    }
  }
  if (header === null) throw new CsvError('the file has no header line');
  return { header, records, bad, simple };
}

/**
 * The cheap check that decides whether DuckDB's own reader may read a UTF-8 CSV directly: a few
 * native byte searches and one pass over the line ends, no parsing. `lines` is the number of
 * physical lines after the first (the header's). When `ok`, there is no NUL byte, no blank line,
 * no line longer than MAX_FIELD_BYTES (so no field is), and no line end but LF or CRLF. Then, if
 * DuckDB's strict reader reads exactly `lines` records, every record is one line (a quoted line
 * break would make one record of two lines), so record i starts on line i + 2 and line numbers
 * follow from row order. Anything else is decided by the full scan.
 */
export function quickLineCheck(bytes: Buffer): { ok: boolean; lines: number } {
  const check = new LineCheck();
  const lastLineEnd = bytes.lastIndexOf(LF);
  check.lines(bytes.subarray(0, lastLineEnd + 1));
  return check.finish(bytes.subarray(lastLineEnd + 1));
}

/**
 * quickLineCheck over a file read piece by piece (see readFileFacts), so that a large file never
 * has to be held in memory to be checked: `lines` takes whole lines (a piece ending in LF), in
 * file order; `finish` takes what follows the last LF (possibly nothing).
 */
export class LineCheck {
  private count = 0;
  private failed = false;

  /** Whole lines: `piece` is empty or ends with LF. */
  lines(piece: Buffer): void {
    this.scan(piece);
  }

  /** The file's last line, which has no line end (empty when the file ends with one). */
  finish(rest: Buffer): { ok: boolean; lines: number } {
    this.scan(rest);
    return this.failed || this.count === 0 ? { ok: false, lines: 0 } : { ok: true, lines: this.count - 1 };
  }

  /** Gives up: a line is longer than anything kept for it, or the bytes are not plain UTF-8. */
  fail(): void {
    this.failed = true;
  }

  private scan(bytes: Buffer): void {
    if (this.failed) return;
    const n = bytes.length;
    if (bytes.indexOf(0) >= 0) return this.fail();
    let cr = bytes.indexOf(CR);
    if (cr < 0) cr = n;
    let start = 0;
    while (start < n) {
      let lf = bytes.indexOf(LF, start);
      if (lf < 0) lf = n;
      let end = lf;
      if (cr < lf) {
        // A CR is allowed only right before an LF.
        if (cr !== lf - 1 || lf === n) return this.fail();
        end = cr;
        cr = bytes.indexOf(CR, lf + 1);
        if (cr < 0) cr = n;
      }
      if (end === start || end - start > MAX_FIELD_BYTES) return this.fail();
      this.count++;
      start = lf + 1;
    }
  }
}

/** Only spaces and tabs (or nothing) between start and end. */
function isBlank(bytes: Buffer, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (bytes[i] !== 32 && bytes[i] !== 9) return false;
  return true;
}

function nextLineStart(bytes: Buffer, from: number): number {
  const lf = bytes.indexOf(LF, from);
  const cr = bytes.indexOf(CR, from);
  if (lf < 0 && cr < 0) return bytes.length;
  if (cr >= 0 && (lf < 0 || cr < lf)) return bytes[cr + 1] === LF ? cr + 2 : cr + 1;
  return lf + 1;
}

export class CsvError extends Error {}

/** RFC 4180 quoting for one field: the product's one CSV field rule (src/lib/csv.ts). */
export { csvField } from '../../src/lib/csv.ts';
