/**
 * Property: whatever damage a file has, every record is either loaded or
 * rejected, the report agrees with the database, and no line is both.
 */
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../pipelines/run.ts';
import { workspace, query } from './helpers.ts';

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COUNTRIES = ['France', 'Kenya', 'Brésil', 'USA', '中国', 'Côte d’Ivoire', 'Atlantis', ''];
const GROUPS = ['NGO', 'Business', 'Government', 'IGO', 'press', 'Unknown thing', ''];

function cleanFile(random: () => number, rows: number): string[] {
  const lines = ['meeting_year,email,country,stakeholder_group,gender,participation_mode'];
  for (let i = 0; i < rows; i++) {
    const pick = <T,>(xs: T[]) => xs[Math.floor(random() * xs.length)];
    lines.push(
      [2006 + Math.floor(random() * 20), `p${i}@example.org`, `"${pick(COUNTRIES)}"`, pick(GROUPS), pick(['F', 'M', 'x', '']), pick(['onsite', 'Remote', ''])].join(',')
    );
  }
  return lines;
}

/** One of the ways real exports break. */
function corrupt(random: () => number, lines: string[]): string[] {
  const out = lines.slice();
  const damage = 1 + Math.floor(random() * 6);
  for (let d = 0; d < damage; d++) {
    const i = 1 + Math.floor(random() * (out.length - 1));
    switch (Math.floor(random() * 9)) {
      case 0: out[i] = out[i].replace(',', ''); break; // lost delimiter
      case 1: out[i] = out[i] + ',extra'; break; // extra field
      case 2: out[i] = out[i].replace(/^\d+/, ''); break; // blank year
      case 3: out[i] = out[i].replace(/^\d+/, 'MMXIX'); break; // not a year
      case 4: out[i] = out[i].replace('"', ''); break; // unbalanced quote
      case 5: out.splice(i, 0, ''); break; // blank line
      case 6: out[i] = out[i].replace('@', '"\n"@'); break; // quoted line break inside a field (may unbalance)
      case 7: out.splice(i, 0, '\u0007garbage\u001b;;'); break; // junk line
      case 8: out[i] = out[i].slice(0, Math.floor(random() * out[i].length)); break; // truncated line
    }
  }
  return out;
}

describe('accounting invariant under corrupted input', () => {
  it.each(Array.from({ length: 12 }, (_, seed) => seed + 1))('seed %i', async (seed) => {
    const random = rng(seed);
    const ws = workspace();
    const lines = corrupt(random, cleanFile(random, 40 + Math.floor(random() * 60)));
    const eol = random() < 0.5 ? '\n' : '\r\n';
    const input = ws.file('corrupt.csv', lines.join(eol) + eol);
    const report = await runPipeline({ db: ws.db, inputs: [input] });
    expect(report.ok, `${report.error} ${JSON.stringify(report.failed)}`).toBe(true);
    const [f] = report.files;
    expect(f.rows_read).toBe(f.rows_loaded + f.rows_rejected);

    const loaded = await query(ws.db, 'SELECT source_line AS line FROM attendance');
    const rejected = await query(ws.db, 'SELECT line FROM rejected_row');
    expect(loaded.length).toBe(f.rows_loaded);
    expect(rejected.length).toBe(f.rows_rejected);
    const all = [...loaded, ...rejected].map((r) => Number(r.line));
    expect(new Set(all).size).toBe(all.length); // no line both loaded and rejected
    const physicalLines = (lines.join(eol) + eol).split(/\r\n|\n|\r/).length - 1;
    for (const line of all) {
      expect(line).toBeGreaterThanOrEqual(2);
      expect(line).toBeLessThanOrEqual(physicalLines);
    }
    // Non-blank physical lines bound the records from above: a record spans one line or more.
    const nonBlank = lines.slice(1).join(eol).split(/\r\n|\n|\r/).filter((l) => l.trim() !== '').length;
    expect(f.rows_read).toBeLessThanOrEqual(nonBlank);
  });
});
