import { afterEach, describe, expect, it } from 'vitest';
import { citation } from './cite.ts';
import { useLocaleSource } from '$lib/i18n/index.ts';
import { registerAllCatalogs } from '$lib/i18n/all-catalogs.ts';

describe('citation', () => {
  it('gives APA and Chicago texts with the permalink, data version and access date', () => {
    const c = citation({
      title: 'Women among participants, 2006–2025',
      url: 'https://igf.example/gender?population=speakers#gender-female',
      version: '3f2a9c0d1e2b',
      accessed: '2026-11-30',
      year: 2026
    });
    expect(c.apa).toBe(
      'IGF participation analytics. (2026). Women among participants, 2006–2025 (Data version 3f2a9c0d1e2b) [Data set]. Retrieved November 30, 2026, from https://igf.example/gender?population=speakers#gender-female'
    );
    expect(c.chicago).toBe(
      'IGF participation analytics. 2026. “Women among participants, 2006–2025.” Data set, data version 3f2a9c0d1e2b. Accessed November 30, 2026. https://igf.example/gender?population=speakers#gender-female.'
    );
  });

  it('takes the access year when the data set has none', () => {
    expect(citation({ title: 'T', url: 'u', version: 'v', accessed: '2027-01-02' }).apa).toContain('(2027). T');
  });

  describe('in Russian', () => {
    afterEach(() => useLocaleSource(() => 'en'));
    it('ends the access date with its own «г.», not a second full stop', () => {
      registerAllCatalogs();
      useLocaleSource(() => 'ru');
      const c = citation({ title: 'Т', url: 'https://igf.example/ru/gender', version: 'v', accessed: '2026-12-02', year: 2026 });
      expect(c.apa).toBe('IGF participation analytics. (2026). Т (версия данных v) [Набор данных]. Дата обращения: 2 декабря 2026 г. https://igf.example/ru/gender');
      expect(c.chicago).toBe('IGF participation analytics. 2026. «Т». Набор данных, версия данных v. Дата обращения: 2 декабря 2026 г. https://igf.example/ru/gender.');
    });
  });
});
