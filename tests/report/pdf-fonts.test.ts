/**
 * The Russian report PDF is set in DejaVu Sans with nothing replaced (src/lib/report/pdf.ts): every
 * character it can print must be in the font, or the PDF shows an empty box. Read from the font
 * files' own character maps (fontkit, the library PDFKit embeds fonts with), against the Russian and
 * English catalogs, the report's symbols, the countries' names and the published figures' sources.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { create, type Font } from 'fontkit';
import { DuckDBInstance } from '@duckdb/node-api';
import { DEJAVU_FILES, dejaVuPath } from '../../src/lib/report/pdf.ts';
import { en } from '../../src/lib/i18n/en.ts';
import { ru } from '../../src/lib/i18n/catalogs/ru.ts';

/** Symbols the report and its charts write, which the standard fonts replace (pdfText). */
const REPORT_SYMBOLS = '⊘◆●■▲▼→≥≤−\u202f\u2009\u00a0…–—‘’“”«»·×№';

/** The names and sources the Russian PDF can print from data/ (countries in Russian and English; published sources). */
async function dataText(): Promise<string> {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  try {
    const read = async (sql: string) => String((await conn.runAndReadAll(sql)).getRows()[0][0] ?? '');
    return (
      (await read(`SELECT string_agg(concat_ws(' ', country_name_ru, country_name_en), ' ') FROM read_csv('data/reference/cccommons_countries_master.csv', all_varchar = true)`)) +
      (await read(`SELECT string_agg(concat_ws(' ', source_title, quote, host_city, host_country), ' ') FROM read_csv('data/published/participation_aggregates.csv', all_varchar = true)`))
    );
  } finally {
    conn.closeSync();
    instance.closeSync();
  }
}

function missing(font: Font, text: string): string[] {
  const out = new Set<string>();
  for (const c of text) {
    const cp = c.codePointAt(0)!;
    if (cp >= 0x20 && !font.hasGlyphForCodePoint(cp)) out.add(`${c} U+${cp.toString(16).toUpperCase().padStart(4, '0')}`);
  }
  return [...out];
}

describe('the Russian PDF’s font', () => {
  it('has every character of the Russian and English catalogs, the report’s symbols and the data’s names and sources, in each style', async () => {
    const text = [...Object.values(ru), ...Object.values(en)].join(' ') + REPORT_SYMBOLS + (await dataText());
    expect(text).toContain('Доклад'); // the Russian catalog and names are in the text checked
    for (const file of Object.values(DEJAVU_FILES)) {
      const font = create(readFileSync(dejaVuPath(file)));
      expect(missing(font, text), file).toEqual([]);
    }
  });
});
