/**
 * Numbers, percents, years and dates as each language writes them (CLDR 48, Node 20's ICU). The
 * expected strings are the languages' conventions, written out by hand: French groups with a narrow
 * no-break space and puts a no-break space before %, Spanish groups only from five digits, Russian
 * groups with a no-break space, Chinese writes like English, Arabic keeps Latin digits (CLDR's
 * default for "ar") with left-to-right marks around the percent sign and the minus.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fmt, messageOr, t, useLocaleSource } from './index.ts';
import type { Locale } from './locales.ts';

const inLanguage = (locale: Locale) => useLocaleSource(() => locale);
afterEach(() => useLocaleSource(() => 'en'));

describe('fmt in the six languages', () => {
  const cases: [Locale, { percent: string; integer: string; small: string; year: string; signed: string; date: string }][] = [
    ['en', { percent: '41.3%', integer: '12,346', small: '1,234', year: '2025', signed: '-4.25', date: 'December 1, 2026' }],
    ['fr', { percent: '41,3\u00a0%', integer: '12\u202f346', small: '1\u202f234', year: '2025', signed: '-4,25', date: '1 décembre 2026' }],
    ['es', { percent: '41,3\u00a0%', integer: '12.346', small: '1234', year: '2025', signed: '-4,25', date: '1 de diciembre de 2026' }],
    ['ru', { percent: '41,3\u00a0%', integer: '12\u00a0346', small: '1\u00a0234', year: '2025', signed: '-4,25', date: '1 декабря 2026 г.' }],
    ['zh', { percent: '41.3%', integer: '12,346', small: '1,234', year: '2025', signed: '-4.25', date: '2026年12月1日' }],
    ['ar', { percent: '41.3\u200e%\u200e', integer: '12,346', small: '1,234', year: '2025', signed: '\u200e-4.25', date: '1 ديسمبر 2026' }]
  ];
  it.each(cases)('%s', (locale, expected) => {
    inLanguage(locale);
    expect({
      percent: fmt.percent(0.413),
      integer: fmt.integer(12345.5),
      small: fmt.integer(1234),
      year: fmt.year(2025),
      signed: fmt.signedDecimal(-4.25),
      date: fmt.date('2026-12-01')
    }).toEqual(expected);
  });

  it('answers each language from its own catalog', () => {
    inLanguage('fr');
    const french = t('nav.regions');
    inLanguage('zh');
    const chinese = t('nav.regions');
    inLanguage('en');
    expect(t('nav.regions')).toBe('Regions');
    expect(new Set([french, chinese, 'Regions']).size).toBe(3);
    expect(chinese).toMatch(/[\u4e00-\u9fff]/);
  });
});

describe('messageOr', () => {
  it("gives the catalog's form of a code where there is one, else what it was given", () => {
    inLanguage('fr');
    expect(messageOr('category.short.eastern_european', 'x')).toBe('Europe orient.');
    expect(messageOr('category.short.no_such_code', 'Groupe X')).toBe('Groupe X');
  });
});
