import { describe, expect, it } from 'vitest';
import { formatMessage, messageParameters } from './message.ts';

const rows = '{rows, plural, one {# row} other {# rows}}';
const ru = '{rows, plural, one {# строка} few {# строки} many {# строк} other {# строки}}';
const ar = '{rows, plural, zero {لا صفوف} one {صف واحد} two {صفان} few {# صفوف} many {# صفًا} other {# صف}}';

describe('formatMessage', () => {
  it('fills named parameters and leaves unknown ones as written', () => {
    expect(formatMessage('{a} of {b}', { a: 'x', b: 2 }, 'en')).toBe('x of 2');
    expect(formatMessage('{a} of {missing}', { a: 'x' }, 'en')).toBe('x of {missing}');
  });

  it('writes numeric parameters in the locale’s digits without grouping (they are often years)', () => {
    expect(formatMessage('{year}', { year: 2019 }, 'en')).toBe('2019');
    expect(formatMessage('{n}', { n: 1234 }, 'fr')).toBe('1234');
    expect(formatMessage('{n}', { n: 0.5 }, 'fr')).toBe('0,5');
    // CLDR 48 (Node 20's ICU 78) gives Arabic Latin digits by default; Egyptian Arabic keeps Arabic-Indic ones.
    expect(formatMessage('{n}', { n: 1234 }, 'ar')).toBe('1234');
    expect(formatMessage('{n}', { n: 1234 }, 'ar-EG')).toBe('١٢٣٤');
  });

  it('groups the count of a plural (#): 1,234 rows', () => {
    expect(formatMessage(rows, { rows: 1234 }, 'en')).toBe('1,234 rows');
  });

  it('chooses the English plural', () => {
    expect(formatMessage(rows, { rows: 1 }, 'en')).toBe('1 row');
    expect(formatMessage(rows, { rows: 2 }, 'en')).toBe('2 rows');
    expect(formatMessage(rows, { rows: 0 }, 'en')).toBe('0 rows');
  });

  it('chooses the Russian one/few/many forms by CLDR rules', () => {
    expect(formatMessage(ru, { rows: 1 }, 'ru')).toBe('1 строка');
    expect(formatMessage(ru, { rows: 21 }, 'ru')).toBe('21 строка');
    expect(formatMessage(ru, { rows: 3 }, 'ru')).toBe('3 строки');
    expect(formatMessage(ru, { rows: 11 }, 'ru')).toBe('11 строк');
    expect(formatMessage(ru, { rows: 25 }, 'ru')).toBe('25 строк');
  });

  it('chooses the six Arabic categories', () => {
    expect(formatMessage(ar, { rows: 0 }, 'ar')).toBe('لا صفوف');
    expect(formatMessage(ar, { rows: 1 }, 'ar')).toBe('صف واحد');
    expect(formatMessage(ar, { rows: 2 }, 'ar')).toBe('صفان');
    expect(formatMessage(ar, { rows: 5 }, 'ar')).toBe('5 صفوف');
    expect(formatMessage(ar, { rows: 11 }, 'ar')).toBe('11 صفًا');
    expect(formatMessage(ar, { rows: 100 }, 'ar')).toBe('100 صف');
  });

  it('leaves a # inside a parameter value alone: only the variant’s own # is the count', () => {
    expect(formatMessage('{n, plural, one {# file: {name}} other {# files: {name}}}', { n: 2, name: 'list #3' }, 'en')).toBe('2 files: list #3');
  });

  it('chooses the variant of a number and writes # from that number, with its decimals and the language’s digits', () => {
    // 1.5 is "one" in French and "other" in Arabic; a count rounded to a whole number first would
    // print « 2 heure », and Egyptian Arabic writes ١٫٥ (its own digits and decimal separator),
    // which no reading by the separators of "ar" would turn back into 1.5.
    expect(formatMessage('{n, plural, one {# heure} other {# heures}}', { n: 1.5 }, 'fr')).toBe('1,5 heure');
    expect(formatMessage('{n, plural, one {# heure} other {# heures}}', { n: 2.5 }, 'fr')).toBe('2,5 heures');
    expect(formatMessage(ar, { rows: 1.5 }, 'ar-EG')).toBe('١٫٥ صف');
    expect(formatMessage(ar, { rows: 1234 }, 'ar-EG')).toBe('١٬٢٣٤ صفًا');
    expect(formatMessage(ru, { rows: 1001 }, 'ru')).toBe('1\u00a0001 строка');
  });

  it('writes {name, number} as the language groups it, and text as given', () => {
    expect(formatMessage('{total, number} records', { total: 10618 }, 'en')).toBe('10,618 records');
    expect(formatMessage('{total, number} fiches', { total: 10618 }, 'fr')).toBe('10\u202f618 fiches');
    expect(formatMessage('{total, number}', { total: 0.25 }, 'fr')).toBe('0,25');
    expect(formatMessage('{total, number}', { total: '10,618' }, 'en')).toBe('10,618');
    expect(formatMessage('{total, number}', {}, 'en')).toBe('{total, number}');
  });

  it('prefers an exact match and fills parameters inside a variant', () => {
    const m = '{n, plural, =0 {no {thing}} one {one {thing}} other {# {thing}s}}';
    expect(formatMessage(m, { n: 0, thing: 'file' }, 'en')).toBe('no file');
    expect(formatMessage(m, { n: 3, thing: 'file' }, 'en')).toBe('3 files');
  });

  it('leaves a plural without a number as written instead of throwing', () => {
    expect(formatMessage(rows, { rows: 'many' }, 'en')).toBe(rows);
    // A count formatted first is not read back (that would mean guessing the separators).
    expect(formatMessage(rows, { rows: '1,234' }, 'en')).toBe(rows);
    expect(formatMessage(ru, { rows: '3,2' }, 'ru')).toBe(ru);
    expect(formatMessage(rows, {}, 'en')).toBe(rows);
  });
});

describe('messageParameters', () => {
  it('lists plain and plural parameters, not the words inside variants', () => {
    expect([...messageParameters('{a} and {rows, plural, one {# row of {b}} other {# rows}}')].sort()).toEqual(['a', 'b', 'rows']);
    expect([...messageParameters('{total, number} of {year}')].sort()).toEqual(['total', 'year']);
  });
});
