/**
 * Message lookup and number formatting. Components never build user-facing text themselves: they
 * call t() and the formatters here, so a new language is a new catalog plus a locale.
 */
import { en, type MessageKey, type Messages } from './en.ts';
import { formatMessage, type MessageParams } from './message.ts';

export type { MessageKey } from './en.ts';

export const locale = 'en';
const messages: Messages = en;

export function t(key: MessageKey, params: MessageParams = {}): string {
  return formatMessage(messages[key], params, locale);
}

/** Label of a category/definition/population code; the code itself when the catalog has none. */
export function label(prefix: 'category' | 'definition' | 'population' | 'mode' | 'dimension' | 'source', code: string): string {
  const key = `${prefix}.${code}` as MessageKey;
  return key in messages ? messages[key] : code.replace(/_/g, ' ');
}

const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
const decimal2 = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const percent0 = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
const percent1 = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
const signedInteger = new Intl.NumberFormat(locale, { maximumFractionDigits: 0, signDisplay: 'exceptZero' });
const signed1 = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' });
const signed2 = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'exceptZero' });
const yearFormat = new Intl.NumberFormat(locale, { useGrouping: false, maximumFractionDigits: 0 });

const kilobytes = new Intl.NumberFormat(locale, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 });
const megabytes = new Intl.NumberFormat(locale, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 });

export const fmt = {
  integer: (n: number) => integer.format(n),
  /** File sizes in decimal units (1 MB = 1,000,000 bytes), as browsers show downloads. */
  bytes: (n: number) => (n < 1_000_000 ? kilobytes.format(Math.max(1, Math.round(n / 1000))) : megabytes.format(n / 1_000_000)),
  decimal: (n: number) => decimal2.format(n),
  percent: (share: number) => percent1.format(share),
  percentRound: (share: number) => percent0.format(share),
  year: (y: number) => yearFormat.format(y),
  signedInteger: (n: number) => signedInteger.format(n),
  /** Change of a share in percentage points. */
  points: (delta: number) => t('overview.points', { value: signed1.format(delta * 100) }),
  signedDecimal: (n: number) => signed2.format(n),
  /** Proportion of one value to another, for ratios around 1. */
  ratio: (n: number) => decimal2.format(n)
};
