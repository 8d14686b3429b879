import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { declaredFamilies, fontFacesFor } from './fonts.server.ts';
import { SELF_HOSTED_FAMILIES, fontStackFamilies } from './self-hosted-fonts.ts';

/** The @font-face rules of a page's <style data-font-faces>. */
const facesOf = (style: string) => style.match(/@font-face\s*\{[^}]*\}/g) ?? [];

describe('fontFacesFor', () => {
  it('gives Arabic pages both weights of Noto Sans Arabic, each for Arabic text only', () => {
    const faces = facesOf(fontFacesFor('ar'));
    expect(faces).toHaveLength(2);
    for (const face of faces) {
      // Without a range a face claims every character, and Latin text on a system whose Arabic font
      // has no Latin fetched it.
      expect(face).toMatch(/unicode-range:\s*U\+0600-06FF,/);
      expect(face).not.toMatch(/U\+0000-00FF|U\+0020-007F/);
      expect(face).toMatch(/font-display:\s*block/);
    }
    expect(faces.map((f) => /font-weight:\s*(\d+)/.exec(f)?.[1]).sort()).toEqual(['400', '700']);
  });

  it('gives Chinese pages slices that each claim a range of characters', () => {
    const faces = facesOf(fontFacesFor('zh'));
    expect(faces.length).toBeGreaterThan(50);
    for (const face of faces) expect(face).toMatch(/unicode-range:/);
  });

  it('gives every other language nothing', () => {
    for (const lang of ['en', 'fr', 'ru', 'es'] as const) expect(fontFacesFor(lang)).toBe('');
  });

  it('declares the self-hosted families, which the font stacks of app.css name after the system fonts', () => {
    const css = readFileSync(new URL('../../app.css', import.meta.url), 'utf8');
    for (const [lang, family] of Object.entries(SELF_HOSTED_FAMILIES)) {
      expect(declaredFamilies(fontFacesFor(lang as keyof typeof SELF_HOSTED_FAMILIES))).toEqual(new Set([family]));
      const families = fontStackFamilies(css, lang);
      expect(families, lang).toContain(family);
      // A system font first: with one, the page fetches nothing.
      expect(families.indexOf(family), lang).toBeGreaterThan(0);
    }
  });

  it('reads the declared family as @fontsource writes it and as the build minifies it', () => {
    expect(declaredFamilies("@font-face {\n  font-family: 'Noto Sans SC';\n  font-weight: 400;\n}")).toEqual(new Set(['Noto Sans SC']));
    expect(declaredFamilies('@font-face{font-family:Noto Sans SC;font-weight:400}@font-face{font-family:"Noto Sans SC"}')).toEqual(new Set(['Noto Sans SC']));
    expect(declaredFamilies('@font-face{font-family:Noto Sans Arabic}@font-face{font-family:Other}')).toEqual(new Set(['Noto Sans Arabic', 'Other']));
  });
});
