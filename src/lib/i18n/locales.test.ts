import { describe, expect, it } from 'vitest';
import { delocalizePath, localeOfPath, localizePath, preferredLocale } from './locales.ts';

describe('language in the path', () => {
  it('reads the language from the first segment, English otherwise', () => {
    expect(localeOfPath('/fr/regions')).toBe('fr');
    expect(localeOfPath('/ar')).toBe('ar');
    expect(localeOfPath('/regions')).toBe('en');
    expect(localeOfPath('/en/regions')).toBe('en');
    expect(localeOfPath('/french')).toBe('en');
  });

  it('strips the prefix to find the route', () => {
    expect(delocalizePath('/fr/regions')).toBe('/regions');
    expect(delocalizePath('/zh')).toBe('/');
    expect(delocalizePath('/regions')).toBe('/regions');
    expect(delocalizePath('/ru/embed/gender-trend')).toBe('/embed/gender-trend');
  });

  it('puts a path, its query and anchor into a language', () => {
    expect(localizePath('/regions?from=2010#map', 'fr')).toBe('/fr/regions?from=2010#map');
    expect(localizePath('/', 'ar')).toBe('/ar');
    expect(localizePath('/?source=demo', 'ar')).toBe('/ar?source=demo');
    expect(localizePath('/es/gender?x=1', 'en')).toBe('/gender?x=1');
    expect(localizePath('/es/gender', 'ru')).toBe('/ru/gender');
    expect(localizePath('https://example.org/x', 'fr')).toBe('https://example.org/x');
  });
});

describe('preferredLocale', () => {
  it('follows q-values and matches regional variants on their language', () => {
    expect(preferredLocale('de-DE,de;q=0.9,fr-CA;q=0.8,en;q=0.5')).toBe('fr');
    expect(preferredLocale('zh-TW')).toBe('zh');
    expect(preferredLocale('en;q=0.4, ar;q=0.9')).toBe('ar');
    expect(preferredLocale('de, it')).toBeNull();
    expect(preferredLocale('ru;q=0')).toBeNull();
    expect(preferredLocale(null)).toBeNull();
  });
});
