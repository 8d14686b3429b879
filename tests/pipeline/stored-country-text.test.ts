/**
 * country_raw keeps the country as the record gave it: the name (trimmed), else the code, NULL when
 * both are empty or a missing-value marker. The loader works it out once per distinct pair of
 * cells (map_country.stored_text); these rows pin that it still reads per row as before.
 */
import { describe, expect, it } from 'vitest';
import { runPipeline } from '../../pipelines/run.ts';
import { workspace, query } from './helpers.ts';

const ROWS = [
  // line 2 onwards: code, name, expected iso3, expected country_raw
  ['FRA', 'France', 'FRA', 'France'],
  ['DEU', '', 'DEU', 'DEU'],
  ['', 'N/A', null, null],
  ['n/a', '  Chile ', 'CHL', 'Chile'],
  ['KEN', 'Atlantis', 'KEN', 'Atlantis'],
  ['', '', null, null],
  ['FRA', 'France', 'FRA', 'France']
] as const;

async function loaded(kind: 'attendance' | 'speakers') {
  const ws = workspace();
  const header = kind === 'attendance' ? 'meeting_year,participant_id,country_code,country' : 'meeting_year,session_id,name,country_code,country';
  const lines = ROWS.map(([code, name], i) => (kind === 'attendance' ? `2019,p${i},${code},${name}` : `2019,WS ${i},Speaker ${i},${code},${name}`));
  const report = await runPipeline({ db: ws.db, inputs: [ws.file(`${kind}.csv`, [header, ...lines].join('\n') + '\n')], kind });
  expect(report.ok).toBe(true);
  const table = kind === 'attendance' ? 'attendance' : 'speaker';
  return (await query(ws.db, `SELECT source_line, country_iso3, country_raw FROM ${table} ORDER BY source_line`)).map((r) => [
    Number(r.source_line),
    r.country_iso3,
    r.country_raw
  ]);
}

describe('the country text stored beside the country', () => {
  for (const kind of ['attendance', 'speakers'] as const) {
    it(`is the name as given, else the code (${kind})`, async () => {
      expect(await loaded(kind)).toEqual(ROWS.map(([, , iso3, raw], i) => [i + 2, iso3, raw]));
    });
  }
});
