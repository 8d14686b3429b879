/**
 * A CSV reader that knows which physical line every record starts on, so that
 * a rejected record can be reported as "file, line, reason" even when earlier
 * records span several lines. RFC 4180 quoting; LF, CRLF or CR line ends.
 */

export interface BadRecord {
  line: number;
  reason: string;
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
export function scanCsv(input: Buffer | string, delimiter: string, onRecord?: OnRecord, onProgress?: OnProgress): CsvScan {
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

    // One record: fields until an unquoted line end or the end of the text.
    for (;;) {
      let value = '';
      if (bytes[pos] === QUOTE) {
        pos++;
        let chunkStart = pos;
        let closed = false;
        while (pos < n) {
          const c = bytes[pos];
          if (c === QUOTE) {
            if (bytes[pos + 1] === QUOTE) {
              if (wantFields) value += text(chunkStart, pos + 1);
              pos += 2;
              chunkStart = pos;
              continue;
            }
            if (wantFields) value += text(chunkStart, pos);
            pos++;
            closed = true;
            break;
          }
          if (c === LF || (c === CR && bytes[pos + 1] !== LF)) {
            line++;
            multiline = true;
          }
          pos++;
        }
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
          pos++;
        }
        if (wantFields || header === null) value = text(fieldStart, pos);
        if (fieldCount === 0) firstBlank = isBlank(bytes, fieldStart, pos);
      }
      if (wantFields || header === null) fields.push(value);
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
      header = fields.slice();
      continue;
    }
    records++;
    if (multiline) simple = false;
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

/** RFC 4180 quoting for one field. */
export function csvField(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
