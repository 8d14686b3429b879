/**
 * Right-to-left lines for the Arabic report PDF. PDFKit wraps and draws text left to right. It
 * hands fontkit (which shapes the glyphs) one word at a time, and fontkit sets a word whose first
 * letter is Arabic right to left, digits and English included, which would print "2025م" as "م5202";
 * the words themselves stay in PDFKit's order, left to right. So each line is laid out here: broken
 * at spaces by its width, ordered by the Unicode Bidirectional Algorithm (bidi-js, UAX #9), and cut
 * into pieces of one direction and one word each, which fontkit sets correctly on their own, drawn
 * one after the other from the left.
 */
import bidiFactory from 'bidi-js';

const bidi = bidiFactory();

/** Characters fontkit sets right to left when a string holds one: the Arabic script's. */
const ARABIC_SCRIPT = /\p{Script=Arabic}/u;
/** Bidi controls (marks, embeddings, isolates): they order the text and print nothing (UAX #9, X9). */
const BIDI_CONTROL = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const BIDI_CONTROLS = new RegExp(BIDI_CONTROL.source, 'g');

/** Text as it is set, without the bidi controls that ordered it. */
export const withoutBidiControls = (s: string) => s.replace(BIDI_CONTROLS, '');
/**
 * The characters mirrored in right-to-left text: brackets and angle quotes. UAX #9 mirrors more
 * (⊘ becomes ⦸, ≤ becomes ≥ …), but the mirrored forms of symbols are missing from most fonts,
 * DejaVu Sans's ⦸ among them, and these symbols read the same either way round.
 */
const MIRRORED_PAIRS = new Set('()[]{}<>«»‹›');

/** A piece of a line (a word, or the spaces between words) as the reader sees it, and the string PDFKit must be given to draw it so. */
export interface VisualRun {
  /** The characters in the order they appear on the page, left to right. */
  visual: string;
  /** What to hand PDFKit: the visual string, or, for Arabic, its reverse (the word's logical order), which fontkit reverses again. */
  handed: string;
}

const reverse = (s: string) => Array.from(s).reverse().join('');

/** A line of a paragraph: `text.slice(start, end)`. */
export interface LineRange {
  start: number;
  end: number;
}

/**
 * Each line's pieces from left to right: each Arabic word on its own, the text between them
 * together. The paragraph is ordered as a whole, so that an isolate or an embedding that a line
 * break cuts still holds on the next line (UAX #9 orders a paragraph, then reorders line by line).
 * `base` is the paragraph's direction: 'rtl' for Arabic prose, 'auto' for a table cell that may
 * hold an English title (the first strong letter decides, as `dir="auto"` does on the page).
 * Right-to-left brackets and quotation marks are mirrored (MIRRORED_PAIRS), and bidi controls dropped.
 */
export function visualLines(text: string, lines: readonly LineRange[], base: 'rtl' | 'auto' = 'rtl'): VisualRun[][] {
  if (text === '') return lines.map(() => []);
  const levels = bidi.getEmbeddingLevels(text, base);
  const mirrored = new Map([...bidi.getMirroredCharactersMap(text, levels.levels)].filter(([i]) => MIRRORED_PAIRS.has(text[i])));
  return lines.map(({ start, end }) => {
    if (end <= start) return [];
    const order = bidi.getReorderedIndices(text, levels, start, end - 1).slice(start, end);
    const runs: VisualRun[] = [];
    let visual = '';
    let rtl: boolean | null = null;
    const close = () => {
      for (const piece of visual.match(/\s+|\S+/g) ?? []) {
        const arabic = ARABIC_SCRIPT.test(piece);
        const last = runs.at(-1);
        // Text without Arabic letters is set as given, so it need not be cut at its spaces.
        if (!arabic && last && !ARABIC_SCRIPT.test(last.visual)) {
          last.visual += piece;
          last.handed += piece;
        } else runs.push({ visual: piece, handed: arabic ? reverse(piece) : piece });
      }
      visual = '';
    };
    for (const i of order) {
      const c = text[i];
      if (BIDI_CONTROL.test(c)) continue;
      const runRtl = (levels.levels[i] & 1) === 1;
      if (runRtl !== rtl) {
        close();
        rtl = runRtl;
      }
      visual += mirrored.get(i) ?? c;
    }
    close();
    return runs;
  });
}

/** One line on its own (visualLines of a one-line paragraph). */
export function visualRuns(line: string, base: 'rtl' | 'auto' = 'rtl'): VisualRun[] {
  return visualLines(line, [{ start: 0, end: line.length }], base)[0];
}

/**
 * The lines of `text` at most `width` wide, broken at spaces (and within a word only when the word
 * alone is wider), as ranges of the text without the spaces they break at; `measure` gives a
 * string's width in the current font and size. Explicit newlines break too.
 */
export function wrapLines(text: string, width: number, measure: (s: string) => number): LineRange[] {
  const lines: LineRange[] = [];
  let paragraphStart = 0;
  for (const paragraph of text.split('\n')) {
    let line: LineRange | null = null;
    let wordStart = paragraphStart;
    for (const word of paragraph.split(' ')) {
      const wordEnd = wordStart + word.length;
      if (line === null) line = { start: wordStart, end: wordEnd };
      else if (measure(text.slice(line.start, wordEnd)) <= width) line.end = wordEnd;
      else {
        lines.push(line);
        line = { start: wordStart, end: wordEnd };
      }
      // A word wider than the line (a long URL) is cut: after the last / - ? & = _ that fits, else
      // after the last character that fits.
      while (measure(text.slice(line.start, line.end)) > width && line.end - line.start > 1) {
        let cut: number = line.end - 1;
        while (cut > line.start + 1 && measure(text.slice(line.start, cut)) > width) cut--;
        const part = text.slice(line.start, cut);
        const afterPunctuation = Math.max(...[...'/-?&=_'].map((c) => part.lastIndexOf(c))) + 1;
        if (afterPunctuation > 1 && afterPunctuation < part.length) cut = line.start + afterPunctuation;
        lines.push({ start: line.start, end: cut });
        line = { start: cut, end: line.end };
      }
      wordStart = wordEnd + 1;
    }
    lines.push(line!);
    paragraphStart += paragraph.length + 1;
  }
  return lines;
}

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decodeEntities = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : ENTITY[e.toLowerCase()]
  );
const encodeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A chart's SVG for svg-to-pdfkit, which sets each text node through PDFKit, word by word from the
 * left: a text node with Arabic letters becomes one `<tspan>` per piece of visualRuns(), in the
 * order they read left to right (each continues where the last ended; spaces kept as they are).
 * Other text keeps its order and loses only its bidi controls, which the font has no glyph for.
 */
export function svgTextForFontkit(svg: string): string {
  return svg.replace(/>([^<]+)</g, (whole, raw: string) => {
    const text = decodeEntities(raw);
    if (!ARABIC_SCRIPT.test(text)) return BIDI_CONTROL.test(text) ? `>${encodeText(withoutBidiControls(text))}<` : whole;
    const pieces = visualRuns(text, 'rtl').map((r) => `<tspan xml:space="preserve">${encodeText(r.handed)}</tspan>`);
    return `>${pieces.join('')}<`;
  });
}
