/**
 * The families the site hosts itself for the scripts a reader's system may lack (@fontsource's
 * Noto Sans SC and Noto Sans Arabic, declared by fonts.server.ts), named once: for those rules,
 * their test, the font stacks' test against src/app.css, and bench:web, which leaves them out when
 * it looks for the system font a stack would use.
 */
import type { Locale } from './locales.ts';

export const SELF_HOSTED_FAMILIES = { zh: 'Noto Sans SC', ar: 'Noto Sans Arabic' } as const satisfies Partial<Record<Locale, string>>;

/**
 * The quoted families of a language's font stack in src/app.css (`[lang|='ar'] { font-family: … }`),
 * in order; [] when the stylesheet has none for it. Read by the font test and by bench:web.
 */
export function fontStackFamilies(appCss: string, lang: string): string[] {
  const stack = appCss.match(new RegExp(`\\[lang\\|='${lang}'\\]\\s*\\{\\s*font-family:([^;]+);`))?.[1] ?? '';
  return [...stack.matchAll(/'([^']+)'/g)].map((m) => m[1]);
}
