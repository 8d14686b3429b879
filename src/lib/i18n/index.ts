/**
 * Message lookup and number formatting in the reader's language. Components never build
 * user-facing text themselves: they call t(), label() and the formatters here.
 *
 * Which language: the server answers each request in the language of its URL (an
 * AsyncLocalStorage set in hooks.server.ts, see request-locale.server.ts); the browser keeps the
 * language of the page it loaded (the root +layout.ts sets it). Both install their reader with
 * useLocaleSource(); without one (scripts, unit tests) the text is English.
 *
 * Which catalog: English is src/lib/i18n/en.ts (the keys and their type), the other five are
 * src/lib/i18n/catalogs/<code>.ts. The browser fetches only the catalog of its language
 * (loadCatalog), so a page ships one language; the server registers all six up front.
 */
import type { MessageKey, Messages } from './en.ts';
import { formatMessage, type MessageParams } from './message.ts';
import { DEFAULT_LOCALE, LOCALE_INFO, localizePath, type Locale } from './locales.ts';

export type { MessageKey } from './en.ts';
export type { Locale } from './locales.ts';

let readLocale: () => Locale = () => DEFAULT_LOCALE;

/** Installs how the current language is found (the server per request, the browser per page). */
export function useLocaleSource(read: () => Locale): void {
  readLocale = read;
}

export function currentLocale(): Locale {
  return readLocale();
}

/** The BCP 47 tag of the current language, for Intl and lang attributes. */
export function currentTag(): string {
  return LOCALE_INFO[currentLocale()].tag;
}

const catalogs: Partial<Record<Locale, Messages>> = {};

export function registerCatalog(locale: Locale, messages: Messages): void {
  catalogs[locale] = messages;
}

export function hasCatalog(locale: Locale): boolean {
  return locale in catalogs;
}

// Each catalog is its own chunk: a page downloads the one of its language.
const CATALOG_CHUNKS: Record<Locale, () => Promise<Messages>> = {
  en: () => import('./en.ts').then((m) => m.en),
  ar: () => import('./catalogs/ar.ts').then((m) => m.ar),
  zh: () => import('./catalogs/zh.ts').then((m) => m.zh),
  fr: () => import('./catalogs/fr.ts').then((m) => m.fr),
  ru: () => import('./catalogs/ru.ts').then((m) => m.ru),
  es: () => import('./catalogs/es.ts').then((m) => m.es)
};

export async function loadCatalog(locale: Locale): Promise<void> {
  if (!hasCatalog(locale)) registerCatalog(locale, await CATALOG_CHUNKS[locale]());
}

function messagesOf(locale: Locale): Messages {
  const messages = catalogs[locale];
  if (!messages) throw new Error(`The ${locale} catalog is not loaded: await loadCatalog('${locale}') before rendering.`);
  return messages;
}

export function t(key: MessageKey, params: MessageParams = {}): string {
  const locale = currentLocale();
  const template = messagesOf(locale)[key];
  // The type check and catalogs.test.ts keep catalogs complete; this names the gap if one slips through.
  if (template === undefined) throw new Error(`The ${locale} catalog has no message "${key}".`);
  return formatMessage(template, params, LOCALE_INFO[locale].tag);
}

/** Whether the catalog has a message under this key (for keys built from a code). */
export function hasMessage(key: string): key is MessageKey {
  return key in messagesOf(currentLocale());
}

/**
 * The catalog's message under a key built from a code when it has one (a category's long or short
 * form, a group's name in running text), else `otherwise` (the plain label, the name as given).
 */
export function messageOr(key: string, otherwise: string): string {
  return hasMessage(key) ? t(key) : otherwise;
}

/** Label of a category/definition/population code; the code itself when the catalog has none. */
export function label(
  prefix: 'category' | 'definition' | 'population' | 'mode' | 'dimension' | 'source' | 'session_type' | 'published.metric' | 'published.unit' | 'published.category',
  code: string
): string {
  const messages = messagesOf(currentLocale());
  const key = `${prefix}.${code}` as MessageKey;
  return key in messages ? messages[key] : code.replace(/_/g, ' ');
}

/** Hebrew, Arabic, Syriac, Thaana, N'Ko and the Arabic presentation forms: the right-to-left letters. */
const RIGHT_TO_LEFT_LETTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;

/**
 * Whether a value runs against the page: its first letter is written in the other direction (an
 * English source title in an Arabic page, an Arabic name in an English one). Such a value needs its
 * own direction, or the page's reorders its punctuation and numbers; a value without letters (a
 * number, a year range) needs none.
 */
export function runsAgainstPage(value: unknown): boolean {
  const letter = /\p{L}/u.exec(String(value ?? ''))?.[0];
  if (letter === undefined) return false;
  return (RIGHT_TO_LEFT_LETTER.test(letter) ? 'rtl' : 'ltr') !== LOCALE_INFO[currentLocale()].dir;
}

/**
 * The dir attribute of a table cell holding this value: "auto" (direction from its own first letter)
 * where the value runs against the page, else none. An attribute, not a <bdi> inside the cell:
 * an {#if} around a <bdi> in every cell put two comments per cell into the HTML (880 on /regions).
 * app.css keeps such a cell aligned, and stacked on a phone, as the page's other cells.
 */
export function cellDir(value: unknown): 'auto' | undefined {
  return runsAgainstPage(value) ? 'auto' : undefined;
}

/** A site path in the current language: /methodology on an English page, /fr/methodology on a French one. */
export function localHref(path: string): string {
  return localizePath(path, currentLocale());
}

const NUMBER_STYLES = {
  integer: { maximumFractionDigits: 0 },
  decimal1: { minimumFractionDigits: 1, maximumFractionDigits: 1 },
  decimal2: { minimumFractionDigits: 2, maximumFractionDigits: 2 },
  upTo2: { maximumFractionDigits: 2 },
  percent0: { style: 'percent', maximumFractionDigits: 0 },
  percent1: { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 },
  signedInteger: { maximumFractionDigits: 0, signDisplay: 'exceptZero' },
  signed1: { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' },
  signed2: { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'exceptZero' },
  year: { useGrouping: false, maximumFractionDigits: 0 },
  kilobytes: { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 },
  megabytes: { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }
} satisfies Record<string, Intl.NumberFormatOptions>;

const numberFormats = new Map<string, Intl.NumberFormat>();
const listFormats = new Map<string, Intl.ListFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** The language's conjunction list; English as the site writes it, without the serial comma. */
function listFormat(): Intl.ListFormat {
  const tag = currentTag() === 'en' ? 'en-GB' : currentTag();
  let f = listFormats.get(tag);
  if (!f) listFormats.set(tag, (f = new Intl.ListFormat(tag, { style: 'long', type: 'conjunction' })));
  return f;
}

/** Calendar dates in the current language, in UTC, built once per language. */
function dateFormat(): Intl.DateTimeFormat {
  const tag = currentTag();
  let f = dateFormats.get(tag);
  if (!f) dateFormats.set(tag, (f = new Intl.DateTimeFormat(tag, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' })));
  return f;
}

/** The Intl formatter of a style in the current language, built once per language. */
function numberFormat(style: keyof typeof NUMBER_STYLES): Intl.NumberFormat {
  const tag = currentTag();
  const key = `${tag}:${style}`;
  let f = numberFormats.get(key);
  if (!f) numberFormats.set(key, (f = new Intl.NumberFormat(tag, NUMBER_STYLES[style] as Intl.NumberFormatOptions)));
  return f;
}

export const fmt = {
  integer: (n: number) => numberFormat('integer').format(n),
  /** File sizes in decimal units (1 MB = 1,000,000 bytes), as browsers show downloads. */
  bytes: (n: number) => (n < 1_000_000 ? numberFormat('kilobytes').format(Math.max(1, Math.round(n / 1000))) : numberFormat('megabytes').format(n / 1_000_000)),
  decimal: (n: number) => numberFormat('decimal2').format(n),
  /** One decimal, for figures such as "3.9 equal groups". */
  decimal1: (n: number) => numberFormat('decimal1').format(n),
  /** Up to two decimals, for axis ticks of ratios. */
  tick: (n: number) => numberFormat('upTo2').format(n),
  percent: (share: number) => numberFormat('percent1').format(share),
  percentRound: (share: number) => numberFormat('percent0').format(share),
  year: (y: number) => numberFormat('year').format(y),
  signedInteger: (n: number) => numberFormat('signedInteger').format(n),
  /** Change of a share in percentage points. */
  points: (delta: number) => t('overview.points', { value: numberFormat('signed1').format(delta * 100) }),
  signedDecimal: (n: number) => numberFormat('signed2').format(n),
  /** Proportion of one value to another, for ratios around 1. */
  ratio: (n: number) => numberFormat('decimal2').format(n),
  /** Items as a list in running text: "A, B and C", « A, B et C », "A、B和C", "A وB وC". */
  list: (items: readonly string[]) => listFormat().format(items),
  /** A calendar date (YYYY-MM-DD or a Date) in the reader's language, in UTC. */
  date: (d: string | Date) => dateFormat().format(typeof d === 'string' ? new Date(`${d.slice(0, 10)}T00:00:00Z`) : d)
};
