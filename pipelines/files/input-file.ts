/**
 * Opens an input file and says what it is. Every problem that makes a file
 * unreadable becomes an InputError whose message is one plain sentence; the
 * CLI prints it after the file name, never a stack trace.
 */
import { open, readFile, stat } from 'node:fs/promises';

export type InputFormat = 'csv' | 'json' | 'parquet';

export class InputError extends Error {}

export interface DecodedInput {
  format: InputFormat;
  /** Decoded text without BOM (CSV and JSON only). */
  text: string;
  /** True when the bytes were not plain UTF-8 (UTF-16, or Windows-1252 fallback). */
  reencoded: boolean;
  encoding: string;
  bytes: number;
}

const SNIFF_BYTES = 64 * 1024;

export async function readInput(path: string): Promise<DecodedInput> {
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new InputError('file not found');
  }
  if (info.isDirectory()) throw new InputError('is a directory, not a file');
  if (info.size === 0) throw new InputError('the file is empty');

  const head = Buffer.alloc(Math.min(SNIFF_BYTES, info.size));
  const handle = await open(path, 'r').catch(() => {
    throw new InputError('cannot be opened for reading (permissions?)');
  });
  try {
    await handle.read(head, 0, head.length, 0);
  } finally {
    await handle.close();
  }

  if (head.subarray(0, 4).toString('latin1') === 'PAR1') {
    return { format: 'parquet', text: '', reencoded: false, encoding: 'parquet', bytes: info.size };
  }

  const raw = await readFile(path);
  let text: string;
  let encoding = 'utf-8';
  let reencoded = false;
  if (raw[0] === 0xff && raw[1] === 0xfe) {
    text = new TextDecoder('utf-16le').decode(raw.subarray(2));
    encoding = 'utf-16le';
    reencoded = true;
  } else if (raw[0] === 0xfe && raw[1] === 0xff) {
    text = new TextDecoder('utf-16be').decode(raw.subarray(2));
    encoding = 'utf-16be';
    reencoded = true;
  } else {
    if (head.includes(0)) throw new InputError('looks binary (it contains NUL bytes): expected CSV, JSON or Parquet');
    const body = raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf ? raw.subarray(3) : raw;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(body);
      encoding = body === raw ? 'utf-8' : 'utf-8 with BOM';
    } catch {
      // Spreadsheet exports saved as "CSV (Windows)" are Windows-1252.
      text = new TextDecoder('windows-1252').decode(body);
      encoding = 'windows-1252';
      reencoded = true;
    }
  }
  if (text.trim() === '') throw new InputError('the file holds only blank space');
  const first = text.trimStart()[0];
  const format: InputFormat = first === '[' || first === '{' ? 'json' : 'csv';
  return { format, text, reencoded, encoding, bytes: info.size };
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
export function parseJsonRecords(text: string): JsonRecords {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('[')) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      throw new InputError(`is not valid JSON (${(e as Error).message.split('\n')[0]})`);
    }
    if (!Array.isArray(value)) throw new InputError('JSON must be an array of records or one record per line');
    const lines = arrayElementLines(text);
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

/** Line on which each top-level element of a JSON array starts. */
function arrayElementLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let expectElement = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') line++;
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') continue;
    if (depth === 1 && expectElement && c !== ']') {
      lines.push(line);
      expectElement = false;
    }
    if (c === '"') inString = true;
    else if (c === '[' || c === '{') {
      depth++;
      if (depth === 1) expectElement = true;
    } else if (c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 1) expectElement = true;
  }
  return lines;
}
