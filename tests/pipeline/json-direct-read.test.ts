/**
 * DuckDB reads JSON lines and JSON arrays itself (stage-json.ts) and stages exactly what the
 * JavaScript path (JSON.parse) stages: the same values, headers, notes and lines, or it leaves the
 * file to the JavaScript path. Each file here is staged twice: as it is, and with a BOM in front,
 * which DuckDB never reads early, so the JavaScript path stages it (the BOM adds no line).
 */
import { join } from 'node:path';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { stageFile, type StagedFile } from '../../pipelines/load/stage.ts';
import { keyPointer, regularLines } from '../../pipelines/load/stage-json.ts';
import { openDatabase } from '../../pipelines/database/open.ts';
import * as inputFile from '../../pipelines/files/input-file.ts';
import { readFileFacts } from '../../pipelines/files/input-file.ts';
import { JsonArrayLines, arrayElementLines } from '../../pipelines/files/json-array-lines.ts';
import type { RecordKind } from '../../pipelines/records/kinds.ts';
import { MAX_FIELD_BYTES, longFieldReason } from '../../pipelines/files/csv.ts';
import { workspace } from './helpers.ts';

// The loader's whole-file read, counted: a file DuckDB reads itself is never read whole in Node.
vi.mock('../../pipelines/files/input-file.ts', async (original) => {
  const actual = await original<typeof inputFile>();
  return { ...actual, readBytes: vi.fn(actual.readBytes) };
});

describe('JsonArrayLines', () => {
  const pretty = '[\n  {\n    "a": "x,\\"}{[",\n    "b": [1, {"c": 2}]\n  },\n  {"a": "\\\\"}, {"a": "y"}\n  ,\n  "s"\n]\n';

  it('finds the line each element starts on, skipping strings, escapes and nested values', () => {
    // Elements: the object on lines 2-5, two objects on line 6, and "s" on line 8 after a comma alone on line 7.
    expect([...arrayElementLines(Buffer.from(pretty))]).toEqual([2, 6, 6, 8]);
    expect([...arrayElementLines(Buffer.from('[]'))]).toEqual([]);
    expect([...arrayElementLines(Buffer.from('[{"a":1},{"a":2}]'))]).toEqual([1, 1]);
  });

  it('gives the same lines whatever the pieces the file arrives in, even inside an escape', () => {
    const bytes = Buffer.from(pretty);
    const whole = [...arrayElementLines(bytes)];
    for (let size = 1; size <= 7; size++) {
      const scan = new JsonArrayLines();
      for (let i = 0; i < bytes.length; i += size) scan.update(bytes.subarray(i, i + size));
      expect([...scan.finish()], `pieces of ${size} bytes`).toEqual(whole);
    }
  });

  it('is what readFileFacts reports for a file that opens an array, across its 1 MB reads', async () => {
    const ws = workspace();
    const record = '{"meeting_year": "2019", "country": "caf\\u00e9 \\"x\\" \\\\"}';
    const text = '[\n' + Array.from({ length: 20_000 }, () => record).join(',\n') + '\n]\n'; // about 1.2 MB
    const facts = await readFileFacts(ws.file('list.json', text));
    expect(facts.arrayLines?.length).toBe(20_000);
    expect([...facts.arrayLines!]).toEqual(Array.from({ length: 20_000 }, (_, i) => i + 2));
    expect((await readFileFacts(ws.file('lines.json', record + '\n'))).arrayLines).toBeNull();
  });
});

describe('regularLines', () => {
  it('turns lines that follow a rule into the rule, and others into nothing', () => {
    expect(regularLines(Int32Array.from([2, 3, 4, 5]))).toEqual({ first: 2, step: 1 });
    expect(regularLines(Int32Array.from([2, 7, 12]))).toEqual({ first: 2, step: 5 });
    expect(regularLines(Int32Array.from([1, 1, 1]))).toEqual({ first: 1, step: 0 });
    expect(regularLines(Int32Array.from([4]))).toEqual({ first: 4, step: 0 });
    expect(regularLines(Int32Array.from([2, 3, 5]))).toBeUndefined();
    expect(regularLines(Int32Array.from([]))).toBeUndefined();
  });
});

describe('keyPointer', () => {
  it('escapes ~ and / as JSON pointers require', () => {
    expect(keyPointer('country')).toBe('/country');
    expect(keyPointer('a/b~c')).toBe('/a~1b~0c');
    expect(keyPointer('')).toBe('/');
  });
});

/** Stages a file, and the same bytes behind a BOM; says whether DuckDB read the first directly. */
async function stageBothWays(name: string, text: string | Buffer, kind?: RecordKind) {
  const ws = workspace();
  const db = await openDatabase(join(ws.dir, 'stage.duckdb'));
  onTestFinished(() => db.close());
  const readBytes = vi.mocked(inputFile.readBytes);

  const stage = async (file: string): Promise<{ staged?: StagedFile; rows?: unknown[][]; error?: string }> => {
    try {
      const staged = await stageFile(db.conn, file, readFileFacts(file), { kind });
      const rows = (await db.conn.runAndReadAll('SELECT * FROM staged ORDER BY __source_line')).getRows();
      return { staged: { ...staged, encoding: 'utf-8' }, rows };
    } catch (e) {
      return { error: (e as Error).message };
    }
  };
  readBytes.mockClear();
  const direct = await stage(ws.file(name, text));
  const readDirectly = readBytes.mock.calls.length === 0 && direct.error === undefined;
  const viaJavaScript = await stage(ws.file(`bom-${name}`, Buffer.concat([Buffer.from('\ufeff'), Buffer.from(text)])));
  return { direct, viaJavaScript, readDirectly };
}

describe('JSON read by DuckDB directly', () => {
  const lines = (...records: string[]) => records.join('\n') + '\n';

  it.each([
    ['JSON lines', 'list.ndjson', lines('{"meeting_year": 2019, "country": "France", "gender": "female"}', '{"meeting_year": "2020", "country": "Chile", "gender": null}')],
    ['JSON lines with CRLF and no final line end', 'list.jsonl', '{"meeting_year": 2019, "country": "France"}\r\n{"meeting_year": 2020, "country": "Chile"}'],
    ['an array, one record per line', 'list.json', '[\n{"meeting_year": 2019, "country": "France"},\n{"meeting_year": 2020, "country": "Chile"}\n]\n'],
    ['an array on one line', 'list.json', '[{"meeting_year": 2019, "country": "France"}, {"meeting_year": 2020, "country": "Chile"}]'],
    ['a pretty-printed array', 'list.json', JSON.stringify([{ meeting_year: 2019, country: 'France' }, { meeting_year: 2020, country: 'Chile' }], null, 2)],
    [
      'an array whose records take different numbers of lines',
      'list.json',
      '[{"meeting_year": 2019,\n "country": "France"},\n{"meeting_year": 2020, "country": "Chile"},\n\n{"meeting_year": 2021,\n\n "country": "Peru"}]'
    ],
    ['escapes, quotes and non-Latin text', 'list.ndjson', lines('{"meeting_year": 2019, "country": "C\\u00f4te d\\"Ivoire\\" \\\\ \\/ \\ud83d\\ude00 中国 مصر"}')],
    ['true, false and integers', 'list.ndjson', lines('{"meeting_year": 2019, "first_time": true, "synthetic": false, "participant_id": 123456789012345}')],
    ['keys that need escaping in a pointer', 'list.ndjson', lines('{"meeting_year": 2019, "a/b": 1, "x~y": 2, "": 3, "country": "Kenya"}')],
    ['a key first seen late that feeds no field', 'list.ndjson', lines('{"meeting_year": 2019, "country": "Kenya"}', ...Array(1200).fill('{"meeting_year": 2020}'), '{"meeting_year": 2021, "notes": "late"}')],
    ['records with keys in different orders and some left out', 'list.ndjson', lines('{"country": "Kenya", "meeting_year": 2019}', '{"meeting_year": 2020}', '{"gender": "male", "meeting_year": 2021, "country": "Peru"}')]
  ])('stages %s as JSON.parse does', async (_, name, text) => {
    const { direct, viaJavaScript, readDirectly } = await stageBothWays(name, text, 'attendance');
    expect(direct.error).toBeUndefined();
    expect(readDirectly).toBe(true);
    expect(direct).toEqual(viaJavaScript);
  });

  it('numbers records as their lines in the file', async () => {
    const text = '[{"meeting_year": 2019,\n "country": "France"},\n{"meeting_year": 2020, "country": "Chile"},\n\n{"meeting_year": 2021,\n\n "country": "Peru"}]';
    const { direct } = await stageBothWays('list.json', text, 'attendance');
    expect(direct.rows!.map((r) => r[0])).toEqual([1n, 3n, 5n]);
  });

  it.each([
    ['a trailing comma, which DuckDB accepts and JSON.parse does not', lines('{"meeting_year": 2019, "country": "France"}', '{"meeting_year": 2020, "country": "Chile",}')],
    ['NaN, which DuckDB accepts and JSON.parse does not', lines('{"meeting_year": 2019, "country": "France"}', '{"meeting_year": 2020, "score": NaN}')],
    ['a line that is not JSON', lines('{"meeting_year": 2019, "country": "France"}', 'not json', '{"meeting_year": 2020}')],
    ['a blank line', '{"meeting_year": 2019, "country": "France"}\n\n{"meeting_year": 2020}\n'],
    ['a record that is not an object', lines('{"meeting_year": 2019, "country": "France"}', '[2020, "Chile"]')],
    ['a decimal number, which JavaScript writes its own way', lines('{"meeting_year": 2019.0, "country": "France"}')],
    ['an integer beyond 15 digits', lines('{"meeting_year": 2019, "participant_id": 12345678901234567890}')],
    ['a nested value', lines('{"meeting_year": 2019, "country": {"name": "France", "code": 250}}')],
    ['a key given twice', lines('{"meeting_year": 2019, "country": "France", "country": "Chile"}')],
    ['a key JavaScript puts first', lines('{"meeting_year": 2019, "country": "France", "7": "x"}')],
    ['a lone surrogate, which DuckDB refuses', lines('{"meeting_year": 2019, "country": "\\ud800"}')],
    ['invalid UTF-8', Buffer.concat([Buffer.from('{"meeting_year": 2019, "country": "Per'), Buffer.from([0xfa]), Buffer.from('"}\n')])],
    [
      'a key first seen after the first records that feeds a field',
      lines('{"meeting_year": 2019}', ...Array(1200).fill('{"meeting_year": 2020}'), '{"meeting_year": 2021, "country": "Peru"}')
    ],
    ['a string holding ", }", which the conservative check cannot tell from a trailing comma', lines('{"meeting_year": 2019, "country": "a, }"}')],
    ['a vertical tab between records, which DuckDB takes as blank space', lines('{"meeting_year": 2019, "country": "France"}', '\u000b{"meeting_year": 2020}')],
    ['a form feed between array elements', 'list.json', '[{"meeting_year": 2019, "country": "France"},\u000c{"meeting_year": 2020}]'],
    ['a value longer than a cell may be, in an array', 'list.json', `[{"meeting_year": 2019, "country": "${'x'.repeat(MAX_FIELD_BYTES + 1)}"}, {"meeting_year": 2020}]`]
  ].map((c) => (c.length === 2 ? [c[0], 'list.ndjson', c[1]] : c)) as [string, string, string | Buffer][])('leaves a file with %s to the JavaScript path', async (_, name, text) => {
    const { direct, viaJavaScript, readDirectly } = await stageBothWays(name, text, 'attendance');
    expect(readDirectly).toBe(false);
    expect(direct).toEqual(viaJavaScript);
  });

  it('rejects a record with a value longer than a cell may be, as a CSV record is, and loads the rest', async () => {
    const long = 'x'.repeat(MAX_FIELD_BYTES + 1);
    const { direct } = await stageBothWays('list.json', `[{"meeting_year": 2019, "country": "France"},\n{"meeting_year": 2020, "country": "${long}"},\n{"meeting_year": 2021, "notes": "${long}"}]`, 'attendance');
    expect(direct.staged).toMatchObject({ recordsRead: 3, staged: 2, unreadable: [{ line: 2, reason: longFieldReason(MAX_FIELD_BYTES + 1) }] });
  });

  it('reports a JSON array that is not valid JSON as the JavaScript path does', async () => {
    const { direct, viaJavaScript } = await stageBothWays('list.json', '[{"meeting_year": 2019},]', 'attendance');
    expect(direct.error).toMatch(/^is not valid JSON/);
    expect(direct).toEqual(viaJavaScript);
  });

  it('recognises the record kind from the keys, as the JavaScript path does', async () => {
    const { direct, viaJavaScript, readDirectly } = await stageBothWays('speakers.ndjson', lines('{"Year": 2019, "Session": "WS 12", "Speaker Name": "A. Person", "Affiliation": "Univ"}'));
    expect(readDirectly).toBe(true);
    expect(direct.staged?.match.kind).toBe('speakers');
    expect(direct).toEqual(viaJavaScript);
  });
});

/** A small seeded generator (mulberry32), so that a failure can be replayed. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('JSON read by DuckDB directly or by JSON.parse, on generated files', () => {
  const KEYS = ['meeting_year', 'Year', 'country', 'Country', 'gender', 'sex', 'stakeholder_group', 'participation_mode', 'email', 'participant_id', 'first_time', 'notes', 'a/b', ''];
  const STRINGS = ['France', 'Côte d’Ivoire', '中国', 'مصر', 'x "quoted"', 'back\\slash', 'tab\there', '', ' ', 'a, }', 'Infinity Foundation', '😀', 'line\nbreak'];
  const value = (next: () => number): unknown => {
    const r = next();
    if (r < 0.45) return STRINGS[Math.floor(next() * STRINGS.length)];
    if (r < 0.6) return Math.floor(next() * 3000);
    if (r < 0.65) return next() < 0.5 ? 2019.5 : 12345678901234567;
    if (r < 0.72) return next() < 0.5;
    if (r < 0.8) return null;
    if (r < 0.83) return { nested: [1, 'two'] };
    return String(2006 + Math.floor(next() * 20));
  };
  const record = (next: () => number) => {
    const out: Record<string, unknown> = { meeting_year: value(next) };
    for (const key of KEYS) if (next() < 0.35) out[key] = value(next);
    return out;
  };
  const layout = (records: Record<string, unknown>[], next: () => number) => {
    const r = next();
    if (r < 0.4) return { name: 'list.ndjson', text: records.map((x) => JSON.stringify(x)).join(next() < 0.5 ? '\n' : '\r\n') + '\n' };
    if (r < 0.6) return { name: 'list.json', text: '[\n' + records.map((x) => JSON.stringify(x)).join(',\n') + '\n]\n' };
    if (r < 0.8) return { name: 'list.json', text: JSON.stringify(records, null, 2) };
    return { name: 'list.json', text: JSON.stringify(records) };
  };

  it('stages the same rows, headers and lines both ways for 60 generated files', async () => {
    let direct = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const next = random(seed);
      // Most files are plain records of strings and small integers; the rest use the values DuckDB must leave alone.
      const plain = next() < 0.5;
      const records = Array.from({ length: 1 + Math.floor(next() * 30) }, () => {
        const r = record(next);
        // ("a, }" would send the file down the JavaScript path: see the conservative check above.)
        const keep = (v: unknown) => (typeof v === 'string' && v !== 'a, }') || (typeof v === 'number' && Number.isInteger(v) && v < 1e15);
        if (plain) for (const [k, v] of Object.entries(r)) if (!keep(v)) delete r[k];
        return r;
      });
      const { name, text } = layout(records, next);
      const both = await stageBothWays(name, text, 'attendance');
      expect(both.direct, `seed ${seed}`).toEqual(both.viaJavaScript);
      if (both.readDirectly) direct++;
    }
    // The generated files must exercise the direct read, not only the way around it.
    expect(direct).toBeGreaterThan(15);
  });
});
