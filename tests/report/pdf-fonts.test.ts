/**
 * The embedded faces of the report PDF set their text with nothing replaced but what pdf.ts says
 * (src/lib/report/pdf.ts): every character they can print must be in the font, or the PDF shows
 * an empty box. Read from the font files' own character maps (fontkit, the library PDFKit embeds
 * fonts with), against the language's and English catalogs, the report's symbols, the countries'
 * names and the published figures' sources:
 * - Russian: DejaVu Sans (npm dejavu-fonts-ttf);
 * - Arabic: DejaVu Sans's regular and bold (its oblique has no Arabic, and is not used), less the
 *   bidi isolates, which order the text and are dropped before it is set (pdf-rtl.ts);
 * - Chinese: the system's Noto Sans CJK SC (Debian fonts-noto-cjk, which .ci/run installs), which
 *   lacks only the narrow and thin spaces the number formats write, replaced in pdf.ts.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { create, type Font } from 'fontkit';
import { DuckDBInstance } from '@duckdb/node-api';
import { DEJAVU_FILES, dejaVuPath } from '../../src/lib/report/pdf.ts';
import { CJK_FILES, serverCjkFont } from '../../src/lib/report/cjk-font.server.ts';
import { en } from '../../src/lib/i18n/en.ts';
import { ru } from '../../src/lib/i18n/catalogs/ru.ts';
import { zh } from '../../src/lib/i18n/catalogs/zh.ts';
import { ar } from '../../src/lib/i18n/catalogs/ar.ts';

/** Symbols the report and its charts write, which the standard fonts replace (pdfText). */
const REPORT_SYMBOLS = '⊘◆●■▲▼→≥≤−\u202f\u2009\u00a0…–—‘’“”«»·×№';

/** The names and sources a PDF can print from data/ (countries in `language` and English; published sources). */
async function dataText(language: 'ru' | 'zh' | 'ar'): Promise<string> {
  const instance = await DuckDBInstance.create(':memory:');
  const conn = await instance.connect();
  try {
    const read = async (sql: string) => String((await conn.runAndReadAll(sql)).getRows()[0][0] ?? '');
    return (
      (await read(`SELECT string_agg(concat_ws(' ', country_name_${language}, country_name_en), ' ') FROM read_csv('data/reference/cccommons_countries_master.csv', all_varchar = true)`)) +
      // The names of countries cccommons lacks (Taiwan) come from here (pipelines/reference/sql/fill-country-name.sql).
      (await read(`SELECT string_agg(concat_ws(' ', official_name_${language === 'zh' ? 'cn' : language}, official_name_en), ' ') FROM read_csv('data/reference/datasets_country-codes.csv', all_varchar = true)`)) +
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
    const text = [...Object.values(ru), ...Object.values(en)].join(' ') + REPORT_SYMBOLS + (await dataText('ru'));
    expect(text).toContain('Доклад'); // the Russian catalog and names are in the text checked
    for (const file of Object.values(DEJAVU_FILES)) {
      const font = create(readFileSync(dejaVuPath(file)));
      expect(missing(font, text), file).toEqual([]);
    }
  });
});

describe('the Arabic PDF’s font', () => {
  it('has every character of the Arabic and English catalogs, the report’s symbols and the data’s names and sources, in regular and bold', async () => {
    const text = [...Object.values(ar), ...Object.values(en)].join(' ') + REPORT_SYMBOLS + (await dataText('ar'));
    expect(text).toContain('منتدى إدارة الإنترنت'); // the Arabic catalog and names are in the text checked
    const printed = text.replace(/[\u2066-\u2069\u200e\u200f\u061c]/g, '');
    for (const file of [DEJAVU_FILES.body, DEJAVU_FILES['body-bold']]) {
      const font = create(readFileSync(dejaVuPath(file)));
      expect(missing(font, printed), file).toEqual([]);
    }
  });
});

describe('the Chinese PDF’s font', () => {
  it('has every character of the Chinese and English catalogs, the report’s symbols and the data’s names and sources but the two spaces pdf.ts replaces, in each style', async () => {
    const files = serverCjkFont();
    expect(files, 'Noto Sans CJK not found: install Debian’s fonts-noto-cjk (.ci/run does), or set IGF_PDF_CJK_FONT_DIR').not.toBeNull();
    const text = [...Object.values(zh), ...Object.values(en)].join(' ') + REPORT_SYMBOLS + (await dataText('zh'));
    expect(text).toContain('互联网治理论坛'); // the Chinese catalog and names are in the text checked
    for (const style of ['regular', 'bold'] as const) {
      const font = create(readFileSync(files![style]), CJK_FILES[style].face);
      expect(missing(font, text), style).toEqual(['\u202f U+202F', '\u2009 U+2009']);
    }
  });
});
