import { describe, expect, it } from 'vitest';
import { svgTextForFontkit, visualLines, visualRuns, wrapLines, type LineRange } from './pdf-rtl.ts';

/** The line as the reader sees it, left to right. */
const seen = (line: string, base: 'rtl' | 'auto' = 'rtl') =>
  visualRuns(line, base)
    .map((r) => r.visual)
    .join('');

describe('visualRuns', () => {
  it('puts an Arabic word right of the number that follows it, and hands the word to PDFKit in its logical order', () => {
    // "منتدى 2025": the word reads first, so it is on the right; the year keeps its digits' order.
    expect(visualRuns('منتدى 2025')).toEqual([
      { visual: '2025 ', handed: '2025 ' },
      { visual: 'ىدتنم', handed: 'منتدى' }
    ]);
  });

  it('orders the words of an Arabic line from the right and keeps each one whole', () => {
    expect(seen('من يشارك في')).toBe('يف كراشي نم');
    expect(visualRuns('من يشارك في').map((r) => r.handed)).toEqual(['في', ' ', 'يشارك', ' ', 'من']);
  });

  it('mirrors brackets in right-to-left text, not symbols, and keeps a number range in reading order', () => {
    // ⊘ would become ⦸, which the PDF's font lacks; it reads the same either way round.
    expect(seen('بالرمز ⊘')).toBe('⊘ زمرلاب');
    // (ج) in an Arabic line: the opening bracket is on the right and drawn as ")".
    expect(seen('أ ب (ج)')).toBe('(ج) ب أ');
    // 2006–2025 read from the right: 2006 first, so it is the rightmost number.
    expect(seen('الفترة 2006–2025')).toBe('2025–2006 ةرتفلا');
  });

  it('drops bidi marks and isolates, which print nothing, after they have ordered the line', () => {
    // Intl writes an Arabic percentage as 29‎%‎: without the marks, the % after a number in Arabic text goes to its left (UAX #9, W2).
    expect(seen('النسبة 29\u200e%\u200e')).toBe('29% ةبسنلا');
    expect(seen('النسبة 29%')).toBe('%29 ةبسنلا');
    expect(seen('المصدر \u2068IGF 2009\u2069')).toBe('IGF 2009 ردصملا');
  });

  it('leaves an English line as it is when its direction comes from its first letter', () => {
    expect(visualRuns('“Biggest and Liveliest” Since', 'auto')).toEqual([{ visual: '“Biggest and Liveliest” Since', handed: '“Biggest and Liveliest” Since' }]);
    // "auto" takes the direction of the first strong letter: an English start reads left to right.
    expect(seen('IGF المشاركة 2025', 'auto')).toBe('IGF 2025 ةكراشملا'); // the year after Arabic letters joins their run (UAX #9, W2)
    expect(seen('IGF المشاركة 2025', 'rtl')).toBe('2025 ةكراشملا IGF');
  });

  it('is empty for an empty line', () => {
    expect(visualRuns('')).toEqual([]);
  });
});

describe('visualLines', () => {
  it('keeps an isolate that a line break cuts: the English quote’s stop stays at its end on the next line', () => {
    // «قال: ⁨Hello world.⁩» broken after "Hello": the second line is still inside the isolate, so
    // "world." reads left to right with its stop on the right, not carried to the far left.
    const text = 'قال \u2068Hello world.\u2069';
    const lines: LineRange[] = [
      { start: 0, end: 10 },
      { start: 11, end: text.length }
    ];
    expect(text.slice(0, 10)).toBe('قال \u2068Hello');
    const seenLines = visualLines(text, lines).map((runs) => runs.map((r) => r.visual).join(''));
    expect(seenLines).toEqual(['Hello لاق', 'world.']);
    // The same second line ordered on its own loses the isolate: the stop goes to the left.
    expect(seen('world.\u2069')).toBe('.world');
  });
});

describe('wrapLines', () => {
  const chars = (s: string) => s.length;
  const texts = (text: string, width: number) => wrapLines(text, width, chars).map((r) => text.slice(r.start, r.end));

  it('fills each line up to the width, breaking at spaces, which no line keeps', () => {
    expect(wrapLines('aaa bbb ccc dd', 7, chars)).toEqual([
      { start: 0, end: 7 },
      { start: 8, end: 14 }
    ]);
    expect(texts('aaa bbb ccc dd', 7)).toEqual(['aaa bbb', 'ccc dd']);
  });

  it('cuts a word wider than the line where it must, after a URL’s / or - where one fits, and keeps explicit newlines', () => {
    expect(texts('ab cdefghijk l', 4)).toEqual(['ab', 'cdef', 'ghij', 'k l']);
    expect(texts('see a.org/path-to-page', 10)).toEqual(['see', 'a.org/', 'path-to-', 'page']);
    expect(texts('a\nb c', 10)).toEqual(['a', 'b c']);
  });
});

describe('svgTextForFontkit', () => {
  it('sets an Arabic label as pieces in reading order, left to right, and leaves other text alone', () => {
    expect(svgTextForFontkit('<text x="1">النسبة 29\u200e%\u200e</text><text>2025</text>')).toBe(
      '<text x="1"><tspan xml:space="preserve">29% </tspan><tspan xml:space="preserve">النسبة</tspan></text><text>2025</text>'
    );
  });

  it('decodes and re-encodes entities, and drops bidi marks from text without Arabic', () => {
    expect(svgTextForFontkit('<text>أ &amp; ب</text>')).toBe(
      '<text><tspan xml:space="preserve">ب</tspan><tspan xml:space="preserve"> &amp; </tspan><tspan xml:space="preserve">أ</tspan></text>'
    );
    expect(svgTextForFontkit('<text>29\u200e%\u200e</text>')).toBe('<text>29%</text>');
  });
});
