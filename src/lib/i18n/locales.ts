/**
 * The six official UN languages the site speaks, and how a language shows in a URL: English at
 * the root (/regions), the others under their code (/fr/regions), the rest of the path and the
 * query string unchanged. One home for the list: routing, the switcher, hreflang and the tests
 * read it here.
 */
export const LOCALES = ['en', 'ar', 'zh', 'fr', 'ru', 'es'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

export interface LocaleInfo {
  code: Locale;
  /** The language's name in itself, for the switcher. */
  endonym: string;
  dir: 'ltr' | 'rtl';
  /** BCP 47 tag for Intl and for hreflang (Chinese: Simplified script, as the UN writes it). */
  tag: string;
  /** Offered to an English page's reader whose browser asks for this language, in this language. */
  suggestion: string;
  /** The label of the button that closes that offer. */
  dismiss: string;
}

export const LOCALE_INFO: Record<Locale, LocaleInfo> = {
  en: { code: 'en', endonym: 'English', dir: 'ltr', tag: 'en', suggestion: 'Read this page in English', dismiss: 'Close' },
  ar: { code: 'ar', endonym: 'العربية', dir: 'rtl', tag: 'ar', suggestion: 'اقرأ هذه الصفحة باللغة العربية', dismiss: 'إغلاق' },
  zh: { code: 'zh', endonym: '中文', dir: 'ltr', tag: 'zh-Hans', suggestion: '阅读本页中文版', dismiss: '关闭' },
  fr: { code: 'fr', endonym: 'Français', dir: 'ltr', tag: 'fr', suggestion: 'Lire cette page en français', dismiss: 'Fermer' },
  ru: { code: 'ru', endonym: 'Русский', dir: 'ltr', tag: 'ru', suggestion: 'Читать эту страницу на русском языке', dismiss: 'Закрыть' },
  es: { code: 'es', endonym: 'Español', dir: 'ltr', tag: 'es', suggestion: 'Leer esta página en español', dismiss: 'Cerrar' }
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The language a path is in: its first segment when that is a language code, English otherwise. */
export function localeOfPath(pathname: string): Locale {
  const first = pathname.split('/')[1];
  return isLocale(first) && first !== DEFAULT_LOCALE ? first : DEFAULT_LOCALE;
}

/** The path without its language prefix: the route SvelteKit serves for it. */
export function delocalizePath(pathname: string): string {
  const locale = localeOfPath(pathname);
  if (locale === DEFAULT_LOCALE) return pathname;
  const rest = pathname.slice(locale.length + 1);
  return rest === '' ? '/' : rest;
}

/** A site path (with or without query string) in the given language. */
export function localizePath(path: string, locale: Locale): string {
  if (!path.startsWith('/') || path.startsWith('//')) return path;
  const bare = delocalizePathWithQuery(path);
  if (locale === DEFAULT_LOCALE) return bare;
  // The home page in another language is /fr, not /fr/ (SvelteKit drops trailing slashes).
  return bare === '/' || bare.startsWith('/?') || bare.startsWith('/#') ? `/${locale}${bare.slice(1)}` : `/${locale}${bare}`;
}

function delocalizePathWithQuery(path: string): string {
  const cut = path.search(/[?#]/);
  const pathname = cut < 0 ? path : path.slice(0, cut);
  return delocalizePath(pathname) + (cut < 0 ? '' : path.slice(cut));
}

/**
 * The site language that best matches an Accept-Language header (q-values honoured, regional
 * variants matched on their language: "fr-CA" → fr, "zh-TW" → zh), or null when none does.
 */
export function preferredLocale(acceptLanguage: string | null): Locale | null {
  if (!acceptLanguage) return null;
  const ranked = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [range, ...attrs] = part.trim().split(';');
      const q = attrs.map((a) => /^\s*q=([\d.]+)\s*$/.exec(a)).find(Boolean);
      return { language: range.trim().toLowerCase().split('-')[0], q: q ? Number(q[1]) : 1, index };
    })
    .filter((r) => r.language && r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.map((r) => r.language).find(isLocale) ?? null;
}
