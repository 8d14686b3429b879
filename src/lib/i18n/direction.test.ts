import { afterEach, describe, expect, it } from 'vitest';
import { runsAgainstPage, useLocaleSource } from './index.ts';

describe('runsAgainstPage', () => {
  afterEach(() => useLocaleSource(() => 'en'));

  it('in an Arabic page: text whose first letter is Latin, also after a quote mark or a number', () => {
    useLocaleSource(() => 'ar');
    expect(runsAgainstPage('‘We must ensure that everybody participates’, Says UN Secretary-General')).toBe(true);
    expect(runsAgainstPage('1350 participants (including 152 media)')).toBe(true);
    expect(runsAgainstPage('Балансирование')).toBe(true);
    expect(runsAgainstPage('مجموعة الدول الأفريقية')).toBe(false);
    expect(runsAgainstPage('2016–2025')).toBe(false);
    expect(runsAgainstPage(1350)).toBe(false);
    expect(runsAgainstPage(null)).toBe(false);
  });

  it('in an English or Chinese page: only text whose first letter is Arabic or Hebrew', () => {
    expect(runsAgainstPage('‘We must ensure’')).toBe(false);
    expect(runsAgainstPage('«منتدى إدارة الإنترنت»')).toBe(true);
    useLocaleSource(() => 'zh');
    expect(runsAgainstPage('互联网治理论坛')).toBe(false);
    expect(runsAgainstPage('שלום')).toBe(true);
  });
});
