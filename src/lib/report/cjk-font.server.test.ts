import { describe, expect, it } from 'vitest';
import { cjkFontDirs, findCjkFont, SYSTEM_CJK_FONT_DIRS } from './cjk-font.server.ts';

describe('cjkFontDirs', () => {
  it('is the distributions’ directories unless IGF_PDF_CJK_FONT_DIR names one, which is then the only one', () => {
    expect(cjkFontDirs({})).toEqual(SYSTEM_CJK_FONT_DIRS);
    expect(cjkFontDirs({ IGF_PDF_CJK_FONT_DIR: '  ' })).toEqual(SYSTEM_CJK_FONT_DIRS);
    expect(cjkFontDirs({ IGF_PDF_CJK_FONT_DIR: '/opt/fonts' })).toEqual(['/opt/fonts']);
  });
});

describe('findCjkFont', () => {
  const present = (...paths: string[]) => (p: string) => paths.includes(p);

  it('takes the first directory that has both the regular and the bold collection', () => {
    const exists = present('/a/NotoSansCJK-Regular.ttc', '/b/NotoSansCJK-Regular.ttc', '/b/NotoSansCJK-Bold.ttc', '/c/NotoSansCJK-Regular.ttc', '/c/NotoSansCJK-Bold.ttc');
    expect(findCjkFont(['/a', '/b', '/c'], exists)).toEqual({ regular: '/b/NotoSansCJK-Regular.ttc', bold: '/b/NotoSansCJK-Bold.ttc' });
  });

  it('is null when no directory has both', () => {
    expect(findCjkFont(['/a', '/b'], present('/a/NotoSansCJK-Regular.ttc', '/b/NotoSansCJK-Bold.ttc'))).toBeNull();
    expect(findCjkFont([], present())).toBeNull();
  });
});
