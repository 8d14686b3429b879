/**
 * Fonts for the scripts a reader's system may lack, as @font-face rules written into the <head> of
 * Arabic and Chinese pages (hooks.server.ts), so that the first paint already knows them.
 *
 * The pages name the common system fonts first (PingFang SC, Microsoft YaHei, Noto Sans CJK SC;
 * Segoe UI, Geeza Pro, Noto Naskh Arabic: app.css) and system-ui only after the self-hosted ones,
 * so most readers download nothing; where none is
 * installed (many Linux machines, some Android builds) the self-hosted Noto Sans SC / Noto Sans
 * Arabic from @fontsource take over. The Chinese font is sliced by unicode-range into ~100 files of
 * 20–60 KB: a browser fetches only the slices of the characters on the page. Weights 400 and 700
 * for Arabic; 400 only for Chinese (bold is synthesised), which halves what the build carries.
 * The rules stay on the server: the browser gets them in the HTML of the pages that need them.
 *
 * Not on other pages, not even for the switcher's "中文" and "العربية": declaring the slices of those
 * few characters made every page of a machine without such fonts fetch 113 KB of font files
 * (bench:web), for a link a reader of that language would only see on such a machine.
 */
import chineseFaces from '@fontsource/noto-sans-sc/400.css?inline';
import arabicRegular from '@fontsource/noto-sans-arabic/arabic-400.css?inline';
import arabicBold from '@fontsource/noto-sans-arabic/arabic-700.css?inline';
import arabicSubsets from '@fontsource/noto-sans-arabic/400.css?raw';
import type { Locale } from './locales.ts';
import { SELF_HOSTED_FAMILIES } from './self-hosted-fonts.ts';

/**
 * The Arabic subset's unicode-range, as @fontsource's all-subsets file gives it (read as text, so
 * the build carries no other subset). Its single-subset files omit it, and a face without one
 * claims every character: on a system with an Arabic font but no Latin in it (Noto Naskh Arabic),
 * the Latin text of an Arabic page then fetched both weights (bench:web). With it, the self-hosted
 * face is fetched only for Arabic text that no earlier family of the page's stack draws.
 */
const ARABIC_RANGE = /noto-sans-arabic-arabic-400-normal \*\/\s*@font-face\s*\{[^}]*unicode-range:\s*([^;}]+)/.exec(arabicSubsets)?.[1];
if (!ARABIC_RANGE) throw new Error('fonts: no unicode-range for the Arabic subset in @fontsource/noto-sans-arabic/400.css');
const arabicOnly = (css: string) => css.replace(/\}/g, `;unicode-range:${ARABIC_RANGE}}`);

/**
 * block, not @fontsource's swap: on a system without the script's fonts the fallback has only
 * empty boxes to show, so text waits for its slice (at most 3 s) instead of flashing them.
 */
const styleOf = (css: string) => `<style data-font-faces>${css.replace(/font-display:\s*swap/g, 'font-display:block')}</style>`;

/** The families @font-face rules declare, quoted or not (the build minifies the CSS: font-family:Noto Sans SC). */
export function declaredFamilies(css: string): Set<string> {
  return new Set([...css.matchAll(/font-family:\s*(['"]?)([^;'"}]+)\1/g)].map((m) => m[2].trim()));
}

/** The rules, after checking that they declare the family app.css and bench:web name (self-hosted-fonts.ts). */
function facesOf(locale: keyof typeof SELF_HOSTED_FAMILIES, css: string): string {
  const families = declaredFamilies(css);
  if (families.size !== 1 || !families.has(SELF_HOSTED_FAMILIES[locale])) {
    throw new Error(`fonts: the ${locale} faces declare ${[...families].join(', ') || 'no family'}, not ${SELF_HOSTED_FAMILIES[locale]}`);
  }
  return styleOf(css);
}

/** Written once: the Chinese rules are 105 KB, and pages are many. */
const FACES: Partial<Record<Locale, string>> = {
  zh: facesOf('zh', chineseFaces),
  ar: facesOf('ar', arabicOnly(arabicRegular + arabicBold))
};

/** The <style> of @font-face rules a page in this language needs, or nothing. */
export function fontFacesFor(locale: Locale): string {
  return FACES[locale] ?? '';
}
