/**
 * Fonts for the scripts a reader's system may lack. Arabic and Chinese pages name the common
 * system fonts first (PingFang, Microsoft YaHei, Noto CJK; Segoe UI, Geeza, Noto Arabic), so most
 * readers download nothing; where none is installed (many Linux machines, some Android builds),
 * self-hosted Noto Sans SC / Noto Sans Arabic from @fontsource take over. The Chinese font is sliced
 * by unicode-range into ~100 files of ~35 KB: a browser fetches only the slices of the characters
 * on the page. Weights 400 and 700 for Arabic; 400 only for Chinese (bold is synthesised), which
 * halves what the build carries.
 *
 * Loaded in the browser only (from +layout.ts, before the page renders): the server-rendered HTML
 * shows the system font until then, which font-display: swap allows.
 */
import type { Locale } from './locales.ts';

const SCRIPT_FONTS: Partial<Record<Locale, () => Promise<unknown>>> = {
  zh: () => import('@fontsource/noto-sans-sc/400.css'),
  ar: () => Promise.all([import('@fontsource/noto-sans-arabic/arabic-400.css'), import('@fontsource/noto-sans-arabic/arabic-700.css')])
};

export async function loadScriptFonts(locale: Locale): Promise<void> {
  await SCRIPT_FONTS[locale]?.();
}

/** Family names of the self-hosted fonts: a chart image embeds the loaded files of these. */
export const SELF_HOSTED_FAMILIES = ['Noto Sans SC', 'Noto Sans Arabic'];
