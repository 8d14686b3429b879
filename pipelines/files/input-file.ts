/**
 * Opens an input file and says what it is. Every problem that makes a file
 * unreadable becomes an InputError whose message is one plain sentence; the
 * CLI prints it after the file name, never a stack trace.
 */
import { open, readFile, stat } from 'node:fs/promises';
import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { LineCheck, MAX_FIELD_BYTES } from './csv.ts';
import { JsonArrayLines, arrayElementLines } from './json-array-lines.ts';

export type InputFormat = 'csv' | 'json' | 'parquet' | 'session_page';

export class InputError extends Error {}

export interface DecodedInput {
  format: InputFormat;
  /** The content as UTF-8 without BOM, converted when the file was in another encoding (CSV and JSON only). */
  utf8: Buffer;
  /** True when the bytes were not plain UTF-8 (UTF-16, or Windows-1252 fallback). */
  reencoded: boolean;
  /**
   * UTF-8 with a few invalid byte sequences: the records holding them are
   * rejected one by one rather than the whole file read as Windows-1252.
   */
  invalidUtf8: boolean;
  encoding: string;
  bytes: number;
}

/** How much of a file's start is enough to tell its format, delimiter and header. */
export const SNIFF_BYTES = 64 * 1024;

/** A file that exists, is not a directory and is not empty; else an InputError in plain words. */
async function checkReadable(path: string): Promise<void> {
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new InputError('file not found');
  }
  if (info.isDirectory()) throw new InputError('is a directory, not a file');
  if (info.size === 0) throw new InputError('the file is empty');
}

/** The file's bytes, or an InputError saying in plain words why there are none. */
export async function readBytes(path: string): Promise<Buffer> {
  await checkReadable(path);
  try {
    return await readFile(path);
  } catch {
    throw new InputError('cannot be read (permissions?)');
  }
}

/** The SHA-256 of bytes in memory, as load_log.sha256 stores it (readFileFacts hashes a file as it streams). */
export function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** What one pass over a file tells without holding it in memory (readFileFacts). */
export interface FileFacts {
  sha256: string;
  bytes: number;
  /** The file's first SNIFF_BYTES (all of it when shorter): enough to tell Parquet (isParquet). */
  head: Buffer;
  /**
   * ok: the file is valid UTF-8 without BOM and passes quickLineCheck, which then counts its lines
   * after the header. Such a file decodes (decodeInput) to its own bytes, so DuckDB may read it as
   * it is.
   */
  plainLines: { ok: boolean; lines: number };
  /**
   * For a file whose first character (after blank space, no BOM) is `[`: the line on which each
   * element of that array starts (JsonArrayLines), so that DuckDB may read a JSON array directly
   * and its records still be reported by line. Null for any other file.
   */
  arrayLines: Int32Array | null;
  /**
   * A file that starts as JSON (startsJson) holds a raw vertical tab or form feed. Neither is valid
   * anywhere in JSON, but DuckDB's JSON reader takes both as blank space between records, so such
   * a file is left to JSON.parse. Not looked for in other files.
   */
  verticalTabOrFormFeed: boolean;
}

/** Read size: big enough for few calls, small enough to stay in the CPU's cache while it is hashed and checked. */
const PIECE_BYTES = 1 << 20;

/**
 * The file's SHA-256 and whether DuckDB may read it directly (FileFacts.plainLines), from one read
 * through a buffer of about 1 MB. A plain CSV that DuckDB reads itself is then never held whole in
 * Node: filling a fresh 61 MB buffer cost 0.17 s of page faults, more than reading the file, and
 * took that time from DuckDB's threads.
 */
export async function readFileFacts(path: string): Promise<FileFacts> {
  await checkReadable(path);
  let file;
  try {
    file = await open(path, 'r');
  } catch {
    throw new InputError('cannot be read (permissions?)');
  }
  try {
    const hash = createHash('sha256');
    const check = new LineCheck();
    // A piece, after the unfinished line carried over from the one before (at most one line's worth).
    const buffer = Buffer.allocUnsafe(PIECE_BYTES + MAX_FIELD_BYTES + 2);
    let carried = 0;
    let position = 0;
    let checking = true;
    let head = Buffer.alloc(0);
    let arrayLines: JsonArrayLines | null = null;
    let json = false;
    let verticalTabOrFormFeed = false;
    for (;;) {
      let read;
      try {
        read = (await file.read(buffer, carried, PIECE_BYTES, position)).bytesRead;
      } catch {
        throw new InputError('cannot be read (permissions?)');
      }
      if (read === 0) break;
      if (position === 0) {
        head = Buffer.from(buffer.subarray(0, Math.min(read, SNIFF_BYTES)));
        json = startsJson(head);
        if (startsJsonArray(head)) arrayLines = new JsonArrayLines();
      }
      const piece = buffer.subarray(carried, carried + read);
      hash.update(piece);
      arrayLines?.update(piece);
      if (json) verticalTabOrFormFeed ||= piece.includes(0x0b) || piece.includes(0x0c);
      const bom = position === 0 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf;
      position += read;
      if (!checking) continue;
      const filled = buffer.subarray(0, carried + read);
      // Whole lines only: a UTF-8 character never spans a line end, so each piece checks on its own.
      const whole = filled.subarray(0, filled.lastIndexOf(0x0a) + 1);
      check.lines(whole);
      const plain = !bom && isUtf8(whole);
      // The unfinished line moves to the buffer's start, over `whole`: checked above, before it is overwritten.
      carried = filled.copy(buffer, 0, whole.length);
      if (!plain || carried > MAX_FIELD_BYTES + 1) {
        // Not plain UTF-8, or a line too long for quickLineCheck: the full scan decides; only the hash is still needed.
        check.fail();
        checking = false;
        carried = 0;
      }
    }
    const rest = buffer.subarray(0, carried);
    if (checking && !isUtf8(rest)) check.fail();
    return {
      sha256: hash.digest('hex'),
      bytes: position,
      head,
      plainLines: check.finish(rest),
      arrayLines: arrayLines?.finish() ?? null,
      verticalTabOrFormFeed
    };
  } finally {
    await file.close();
  }
}

/** The first byte of `start` that is not blank space (space, tab, CR, LF), or undefined. */
function firstNonBlank(start: Buffer): number | undefined {
  const first = start.findIndex((b) => b !== 32 && b !== 9 && b !== 10 && b !== 13);
  return first < 0 ? undefined : start[first];
}

/** Whether bytes (a file's start, no BOM) open JSON: `{` or `[` after blank space only, as decodeInput tells JSON from CSV. */
export function startsJson(start: Buffer): boolean {
  const first = firstNonBlank(start);
  return first === 0x7b || first === 0x5b;
}

/** Whether bytes (a file's start, no BOM) open a JSON array: `[` after blank space only. */
export function startsJsonArray(start: Buffer): boolean {
  return firstNonBlank(start) === 0x5b;
}

/** A Parquet file, by its magic number: DuckDB reads it from its path, so it is never decoded here. */
export function isParquet(start: Buffer): boolean {
  return start.subarray(0, 4).toString('latin1') === 'PAR1';
}

/** Which format the bytes are in, and their content as UTF-8 when it is CSV or JSON. */
export function decodeInput(raw: Buffer): DecodedInput {
  if (isParquet(raw)) {
    return { format: 'parquet', utf8: Buffer.alloc(0), reencoded: false, invalidUtf8: false, encoding: 'parquet', bytes: raw.length };
  }
  let utf8: Buffer;
  let encoding: string;
  let invalidUtf8 = false;
  if (raw[0] === 0xff && raw[1] === 0xfe) {
    utf8 = Buffer.from(new TextDecoder('utf-16le').decode(raw.subarray(2)), 'utf8');
    encoding = 'utf-16le';
  } else if (raw[0] === 0xfe && raw[1] === 0xff) {
    utf8 = Buffer.from(new TextDecoder('utf-16be').decode(raw.subarray(2)), 'utf8');
    encoding = 'utf-16be';
  } else {
    if (raw.subarray(0, SNIFF_BYTES).includes(0)) throw new InputError('looks binary (it contains NUL bytes): expected CSV, JSON or Parquet');
    const body = raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf ? raw.subarray(3) : raw;
    if (isUtf8(body)) {
      utf8 = body;
      encoding = body === raw ? 'utf-8' : 'utf-8 with BOM';
    } else if (mostlyUtf8(body)) {
      utf8 = body;
      encoding = 'utf-8 (some records invalid)';
      invalidUtf8 = true;
    } else {
      // Spreadsheet exports saved as "CSV (Windows)" are Windows-1252.
      utf8 = Buffer.from(new TextDecoder('windows-1252').decode(body), 'utf8');
      encoding = 'windows-1252';
    }
  }
  if (firstNonBlank(utf8) === undefined) throw new InputError('the file holds only blank space');
  const format: InputFormat = startsJson(utf8) ? 'json' : 'csv';
  return { format, utf8, reencoded: !encoding.startsWith('utf-8'), invalidUtf8, encoding, bytes: raw.length };
}

/**
 * Bytes that are UTF-8 except for a few broken sequences. Windows-1252 text
 * almost never forms valid multi-byte UTF-8 by accident, so when most
 * non-ASCII characters decode cleanly the file is UTF-8 with damage, not
 * Windows-1252.
 */
function mostlyUtf8(bytes: Buffer): boolean {
  const text = new TextDecoder('utf-8').decode(bytes);
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) invalid++;
    else if (c >= 0x80) valid++;
  }
  return valid > 0 && valid >= invalid;
}

export interface JsonRecords {
  records: Array<{ value: unknown; line: number }>;
  bad: Array<{ line: number; reason: string }>;
}

/**
 * A JSON array of objects, or NDJSON (one object per line). Lines are
 * physical lines where each record starts, found by a small scan that skips
 * over strings, so "line 12" points at the record in an editor.
 */
export function parseJsonRecords(utf8: Buffer): JsonRecords {
  const text = utf8.toString('utf8');
  if (startsJsonArray(utf8)) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      throw new InputError(`is not valid JSON (${(e as Error).message.split('\n')[0]})`);
    }
    if (!Array.isArray(value)) throw new InputError('JSON must be an array of records or one record per line');
    const lines = arrayElementLines(utf8);
    return { records: value.map((v, i) => ({ value: v, line: lines[i] ?? 0 })), bad: [] };
  }
  const records: JsonRecords['records'] = [];
  const bad: JsonRecords['bad'] = [];
  const lines = text.split(/\r\n|\n|\r/);
  lines.forEach((lineText, i) => {
    if (lineText.trim() === '') return;
    try {
      records.push({ value: JSON.parse(lineText), line: i + 1 });
    } catch {
      bad.push({ line: i + 1, reason: 'not valid JSON' });
    }
  });
  if (records.length === 0 && bad.length > 0) throw new InputError('is neither a JSON array nor JSON lines (no line parses as JSON)');
  return { records, bad };
}
