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
 */
import chineseFaces from '@fontsource/noto-sans-sc/400.css?inline';
import arabicRegular from '@fontsource/noto-sans-arabic/arabic-400.css?inline';
import arabicBold from '@fontsource/noto-sans-arabic/arabic-700.css?inline';
import { LOCALE_INFO, LOCALES, type Locale } from './locales.ts';

const FACES: Partial<Record<Locale, string>> = {
  zh: chineseFaces,
  ar: arabicRegular + arabicBold
};

/** Whether a unicode-range descriptor ("U+4E00-4E2F, U+6587") holds a code point. */
function rangeHolds(range: string, codePoint: number): boolean {
  return range.split(',').some((part) => {
    const [low, high] = part.trim().replace(/^U\+/i, '').split('-').map((hex) => parseInt(hex, 16));
    return high === undefined ? codePoint === low : codePoint >= low && codePoint <= high;
  });
}

/**
 * The faces a language's name in the switcher needs ("中文", "العربية") on pages in other
 * languages: the rules of the slices that hold its characters, cut down to those characters, so a
 * page downloads a slice only where the system has no such font.
 */
function endonymFaces(locale: Locale): string {
  const css = FACES[locale] ?? '';
  const points = [...new Set([...LOCALE_INFO[locale].endonym].map((c) => c.codePointAt(0)!))];
  return (css.match(/@font-face\s*\{[^}]*\}/g) ?? [])
    .filter((rule) => !/font-weight:\s*700/.test(rule))
    .map((rule) => {
      const range = /unicode-range:\s*([^;}]*)/.exec(rule)?.[1];
      const held = points.filter((p) => range === undefined || rangeHolds(range, p));
      if (!held.length) return '';
      const only = `unicode-range:${held.map((p) => `U+${p.toString(16).toUpperCase()}`).join(',')}`;
      return range === undefined ? rule.replace(/\}$/, `;${only}}`) : rule.replace(/unicode-range:\s*[^;}]*/, only);
    })
    .join('');
}

const SWITCHER_FACES = new Map(LOCALES.map((locale) => [locale, endonymFaces(locale)]));

/** The <style> of @font-face rules a page in this language needs, or nothing. */
export function fontFacesFor(locale: Locale): string {
  const others = LOCALES.filter((other) => other !== locale).map((other) => SWITCHER_FACES.get(other) ?? '').join('');
  const css = (FACES[locale] ?? '') + others;
  // block, not @fontsource's swap: on a system without the script's fonts the fallback has only
  // empty boxes to show, so text waits for its slice (at most 3 s) instead of flashing them.
  return css ? `<style data-font-faces>${css.replace(/font-display:\s*swap/g, 'font-display:block')}</style>` : '';
}
