/**
 * Every translated catalog against the English one: the same keys, the same parameters, plural
 * variants valid for the language, nothing left in English, and the fixed terms of the
 * language's glossary used wherever the English uses them.
 */
import { describe, expect, it } from 'vitest';
import { en, type MessageKey, type Messages } from './en.ts';
import { messageParameters } from './message.ts';
import { LOCALE_INFO, LOCALES, type Locale } from './locales.ts';

interface GlossaryTerm {
  /** The English term as the English catalog writes it (matched case-insensitively). */
  en: string;
  /** The fixed translation; `forms` adds inflected forms that also count as using it. */
  target: string;
  forms?: string[];
  source?: string;
  /** Keys where the English term is used in another sense and the term does not apply. */
  except?: string[];
}
interface Glossary {
  language: Locale;
  terms: GlossaryTerm[];
}

const catalogModules = import.meta.glob<Record<string, Messages>>('./catalogs/*.ts', { eager: true });
const glossaryModules = import.meta.glob<Glossary>('./glossary/*.json', { eager: true, import: 'default' });

const catalogs = Object.entries(catalogModules).map(([path, mod]) => {
  const locale = path.replace(/^.*\/(\w+)\.ts$/, '$1') as Locale;
  return { locale, messages: mod[locale] };
});
const glossaryOf = (locale: Locale) => Object.entries(glossaryModules).find(([path]) => path.endsWith(`/${locale}.json`))?.[1];

/** Words that stay as they are in every language: names of formats, tools, standards and codes. */
const PROPER_NAMES = [
  'IGF', 'UN', 'CSTD', 'DuckDB', 'Arrow', 'Parquet', 'CSV', 'JSON', 'PDF', 'PNG', 'SVG', 'API', 'URL', 'HTTP', 'pandas', 'Polars', 'R',
  'APA', 'Chicago', 'WEOG', 'GRULAC', 'LDC', 'LLDC', 'SIDS', 'M49', 'CC BY 4.0', 'UNSD', 'OHRLLS', 'G77', 'ITU', 'ISOC', 'ICANN', 'Pielou', 'Blau',
  'World Bank', 'GitHub', 'Observable Plot', 'DESA', 'UNTERM', 'k', 'n', 'J', 'zip', 'curl', 'Python', 'SQL', 'IPC'
];

/** What is left of an English message once placeholders, plural syntax, code and proper names are out. */
function englishWords(message: string): string[] {
  let text = message.replace(/\{[^{}]*\}/g, ' ').replace(/\{[\s\S]*\}/g, ' ').replace(/`[^`]*`/g, ' ').replace(/\b\w+_\w+\b/g, ' ');
  for (const name of PROPER_NAMES) text = text.replace(new RegExp(`(?<![\\p{L}])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'gu'), ' ');
  return text.match(/[A-Za-z]{3,}/g) ?? [];
}

const SCRIPT: Partial<Record<Locale, RegExp>> = { ar: /[\u0600-\u06FF]/, zh: /[\u3400-\u9FFF]/, ru: /[\u0400-\u04FF]/ };

function pluralBlocks(message: string): { name: string; selectors: string[] }[] {
  const blocks: { name: string; selectors: string[] }[] = [];
  for (const m of message.matchAll(/\{\s*(\w+)\s*,\s*plural\s*,/g)) {
    let depth = 1;
    let i = m.index! + m[0].length;
    const selectors: string[] = [];
    let word = '';
    for (; i < message.length && depth > 0; i++) {
      const c = message[i];
      if (c === '{') {
        if (depth === 1) selectors.push(word.trim());
        depth++;
        word = '';
      } else if (c === '}') depth--;
      else if (depth === 1) word += c;
    }
    blocks.push({ name: m[1], selectors });
  }
  return blocks;
}

const keys = Object.keys(en) as MessageKey[];

/** The forum's name in UNTERM, which the glossaries must use. */
const FORUM_NAME: Record<Exclude<Locale, 'en'>, string> = {
  ar: 'منتدى إدارة الإنترنت',
  zh: '互联网治理论坛',
  fr: 'Forum sur la gouvernance de l’Internet',
  ru: 'Форум по вопросам управления Интернетом',
  es: 'Foro para la Gobernanza de Internet'
};

describe.each(catalogs)('catalog $locale', ({ locale, messages }) => {
  it('is exported under the language code', () => {
    expect(messages, `catalogs/${locale}.ts must export const ${locale}`).toBeTypeOf('object');
  });

  it('has exactly the English keys', () => {
    const missing = keys.filter((k) => !(k in messages));
    const extra = Object.keys(messages).filter((k) => !(k in en));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
  });

  it('uses the same parameters as the English message', () => {
    const wrong = keys
      .filter((k) => k in messages)
      .filter((k) => [...messageParameters(en[k])].sort().join() !== [...messageParameters(messages[k])].sort().join())
      .map((k) => `${k}: ${[...messageParameters(messages[k])].join()} instead of ${[...messageParameters(en[k])].join()}`);
    expect(wrong).toEqual([]);
  });

  it('writes plurals with the CLDR categories of the language, always with other', () => {
    const categories = new Set<string>(new Intl.PluralRules(LOCALE_INFO[locale].tag).resolvedOptions().pluralCategories);
    const wrong: string[] = [];
    for (const k of keys.filter((key) => key in messages)) {
      for (const block of pluralBlocks(messages[k])) {
        if (!block.selectors.includes('other')) wrong.push(`${k}: ${block.name} has no "other"`);
        for (const s of block.selectors) if (!categories.has(s) && !/^=\d+$/.test(s)) wrong.push(`${k}: "${s}" is not a ${locale} plural category`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('leaves nothing in English', () => {
    const script = SCRIPT[locale];
    const untranslated = keys
      .filter((k) => k in messages && englishWords(en[k]).length > 0)
      // One word may be the same in both languages (Page, Date, Source in French): only longer text
      // identical to the English is left untranslated. Other scripts must show their script.
      .filter((k) => (messages[k] === en[k] && englishWords(en[k]).length > 1) || (script && !script.test(messages[k])));
    expect(untranslated).toEqual([]);
  });

  it('has a glossary of the fixed terms, used wherever the English uses them', () => {
    const glossary = glossaryOf(locale);
    expect(glossary, `glossary/${locale}.json`).toBeDefined();
    expect(glossary!.language).toBe(locale);
    expect(glossary!.terms.length).toBeGreaterThanOrEqual(25);
    const forum = glossary!.terms.find((term) => term.en === 'Internet Governance Forum');
    expect(forum?.target.replace(/'/g, '’')).toBe(FORUM_NAME[locale as Exclude<Locale, 'en'>]);
    const misses: string[] = [];
    for (const term of glossary!.terms) {
      const pattern = new RegExp(`\\b${term.en.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'i');
      const accepted = [term.target, ...(term.forms ?? [])].map((f) => f.toLocaleLowerCase(LOCALE_INFO[locale].tag));
      for (const k of keys) {
        if (!(k in messages) || term.except?.includes(k) || !pattern.test(en[k])) continue;
        const translated = messages[k].toLocaleLowerCase(LOCALE_INFO[locale].tag);
        if (!accepted.some((f) => translated.includes(f))) misses.push(`${k}: "${term.en}" → "${term.target}"`);
      }
    }
    expect(misses).toEqual([]);
  });
});

describe('the set of catalogs', () => {
  it('has one catalog file per non-English language and nothing else', () => {
    const known = catalogs.map((c) => c.locale).sort();
    expect(known.every((l) => (LOCALES as readonly string[]).includes(l) && l !== 'en')).toBe(true);
  });

  it('writes a count that any language inflects for as a number ({name, number}) where another does not', () => {
    // The caller passes such a count as a number (the plural needs it): a bare {name} would write
    // it ungrouped, as a year (10618 beside the 10,618 of the language that inflects).
    const all = [{ locale: 'en', messages: en as Messages }, ...catalogs];
    const wrong: string[] = [];
    for (const k of keys) {
      const counts = new Set(all.flatMap(({ messages }) => [...(messages[k] ?? '').matchAll(/\{\s*(\w+)\s*,\s*plural\s*,/g)].map((m) => m[1])));
      for (const { locale, messages } of all) for (const name of counts) if (messages[k]?.includes(`{${name}}`)) wrong.push(`${locale} ${k}: {${name}}`);
    }
    expect(wrong).toEqual([]);
  });
});
