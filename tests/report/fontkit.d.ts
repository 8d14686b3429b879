/** fontkit ships no types: what pdf-fonts.test.ts reads of a font (see fontkit's README). */
declare module 'fontkit' {
  export interface Font {
    hasGlyphForCodePoint(codePoint: number): boolean;
  }
  /** `postscriptName` picks one face of a collection (.ttc). */
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
