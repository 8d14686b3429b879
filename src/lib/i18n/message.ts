/**
 * Fills one catalog message. Three forms, a subset of ICU MessageFormat that translators know:
 *   {name}                                         the parameter, as given (a number in the locale's
 *                                                  digits, ungrouped: it is often a year)
 *   {name, number}                                 a number as the language writes it, grouped
 *                                                  (1,234; 1 234; ١٬٢٣٤): a count in a language
 *                                                  that does not inflect for it where another does
 *   {name, plural, one {# row} few {…} other {# rows}}   the variant of the CLDR plural category of
 *                                                  the number (Intl.PluralRules), # = that number
 *                                                  written as {name, number} writes it
 * Exact matches (=0 {…}) are accepted before categories. Anything else in braces is left as written,
 * so a typo shows up on the page rather than throwing during a render.
 *
 * A count is passed as a number: its category is chosen from the number itself and # is written
 * from it, with the same digits the category was chosen for (1.5 is "one" in French: « 1,5 heure »).
 * A count passed as text (formatted first) is not read back, which would mean guessing the
 * language's separators: the plural is left as written, so the mistake shows on the page.
 */
export type MessageParams = Record<string, string | number>;

const countFormats = new Map<string, Intl.NumberFormat>();
const plainFormats = new Map<string, Intl.NumberFormat>();
const pluralRules = new Map<string, Intl.PluralRules>();

/**
 * A count as the language writes it: grouped, up to three decimals (ICU's default for # and
 * {name, number}). Intl.PluralRules rounds to the same three decimals by default, so the category
 * is the one of the digits shown.
 */
function countFormat(locale: string): Intl.NumberFormat {
  let f = countFormats.get(locale);
  if (!f) countFormats.set(locale, (f = new Intl.NumberFormat(locale, { maximumFractionDigits: 3 })));
  return f;
}

function pluralRule(locale: string): Intl.PluralRules {
  let r = pluralRules.get(locale);
  if (!r) pluralRules.set(locale, (r = new Intl.PluralRules(locale, { maximumFractionDigits: 3 })));
  return r;
}

/** A number parameter: the language's digits, no grouping (2019 stays 2019, not 2,019). */
function show(value: string | number, locale: string): string {
  if (typeof value !== 'number') return value;
  let f = plainFormats.get(locale);
  if (!f) plainFormats.set(locale, (f = new Intl.NumberFormat(locale, { useGrouping: false, maximumFractionDigits: 20 })));
  return f.format(value);
}

/** Index of the brace that closes the one opened at `open`. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

function plural(body: string, value: string | number | undefined, params: MessageParams, locale: string): string | null {
  if (typeof value !== 'number') return null;
  const variants = new Map<string, string>();
  let i = 0;
  while (i < body.length) {
    const open = body.indexOf('{', i);
    if (open < 0) break;
    const selector = body.slice(i, open).trim();
    const close = closing(body, open);
    if (close < 0 || !selector) return null;
    variants.set(selector, body.slice(open + 1, close));
    i = close + 1;
  }
  const chosen = variants.get(`=${value}`) ?? variants.get(pluralRule(locale).select(value)) ?? variants.get('other');
  if (chosen === undefined) return null;
  const hash = countFormat(locale).format(value);
  // # is the variant's own text, replaced before the parameters go in: a value may contain a #.
  return fill(chosen.replace(/#/g, hash), params, locale);
}

function fill(template: string, params: MessageParams, locale: string): string {
  let out = '';
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) break;
    const close = closing(template, open);
    if (close < 0) break;
    out += template.slice(i, open);
    const inner = template.slice(open + 1, close);
    const pluralForm = /^\s*(\w+)\s*,\s*plural\s*,([\s\S]*)$/.exec(inner);
    const numberForm = /^\s*(\w+)\s*,\s*number\s*$/.exec(inner);
    if (pluralForm) {
      out += plural(pluralForm[2], params[pluralForm[1]], params, locale) ?? template.slice(open, close + 1);
    } else if (numberForm && numberForm[1] in params) {
      const value = params[numberForm[1]];
      out += typeof value === 'number' ? countFormat(locale).format(value) : value;
    } else if (/^\w+$/.test(inner) && inner in params) {
      out += show(params[inner], locale);
    } else {
      out += template.slice(open, close + 1);
    }
    i = close + 1;
  }
  return out + template.slice(i);
}

export function formatMessage(template: string, params: MessageParams, locale: string): string {
  return template.includes('{') ? fill(template, params, locale) : template;
}

/** The parameter names a message uses, plural selectors and numbers included: a translation must use the same. */
export function messageParameters(template: string): Set<string> {
  const names = new Set<string>();
  for (const m of template.matchAll(/\{\s*(\w+)\s*(?:,\s*plural\s*,|,\s*number\s*\}|\})/g)) names.add(m[1]);
  return names;
}
