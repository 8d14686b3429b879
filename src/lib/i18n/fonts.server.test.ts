import { describe, expect, it } from 'vitest';
import { fontFacesFor } from './fonts.server.ts';

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
});
