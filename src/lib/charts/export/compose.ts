/**
 * A chart as one standalone SVG file: its title, subtitle, drawing, source, coverage and (for
 * synthetic data) the notice, on a white background. Text is laid out here rather than left to CSS
 * because a downloaded image has no stylesheet: every line is placed and wrapped to the width.
 * Pure string building, so it runs (and is tested) without a DOM; the browser side lives in image.ts.
 */

export interface ChartText {
  title: string;
  subtitle?: string;
  /** Legend notes under the drawing (what a hollow point or ⊘ means). */
  notes?: string[];
  source?: string;
  coverage?: string;
  /** The synthetic-data notice; null or empty when the rows are real. */
  notice?: string | null;
  /** Where the image came from: address, licence, date, data version (the last line). */
  credit?: string;
}

export interface Font {
  size: number;
  weight?: number;
}

/** Width in pixels of a text in a font; the browser passes canvas measureText. */
export type Measure = (text: string, font: Font) => number;

/** The drawing as SVG markup in its own coordinates, 0,0 to width,height. */
export interface Drawing {
  markup: string;
  width: number;
  height: number;
}

export const DEFAULT_FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif";

/** Average glyph widths of sans-serif fonts: close enough to wrap lines where no canvas exists. */
export const approximateMeasure: Measure = (text, font) => text.length * font.size * ((font.weight ?? 400) >= 600 ? 0.58 : 0.52);

const COLOURS = { ink: '#1a1a1a', muted: '#595959', noticeBg: '#fff4d6', noticeLine: '#b07d00' };
const FONTS = {
  title: { size: 18, weight: 700 },
  subtitle: { size: 13, weight: 400 },
  footer: { size: 11, weight: 400 },
  notice: { size: 12, weight: 600 }
} satisfies Record<string, Font>;
const LINE_HEIGHT = 1.3;
const PADDING = 16;
const GAP = 10;
/** Narrower than this, header lines would wrap after every word. */
const MIN_WIDTH = 320;

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** Greedy word wrap; a word wider than the line keeps a line of its own rather than being cut. */
export function wrapText(text: string, maxWidth: number, font: Font, measure: Measure = approximateMeasure): string[] {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && measure(candidate, font) > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines;
}

interface Block {
  lines: string[];
  font: Font;
  colour: string;
}

export function composeSvg(
  text: ChartText,
  drawing: Drawing,
  options: { measure?: Measure; fontFamily?: string } = {}
): { svg: string; width: number; height: number } {
  const measure = options.measure ?? approximateMeasure;
  const family = options.fontFamily ?? DEFAULT_FONT_FAMILY;
  const width = Math.ceil(Math.max(drawing.width + 2 * PADDING, MIN_WIDTH));
  const textWidth = width - 2 * PADDING;
  const block = (s: string | null | undefined, font: Font, colour: string, inset = 0): Block | null =>
    s && s.trim() ? { lines: wrapText(s, textWidth - 2 * inset, font, measure), font, colour } : null;

  const out: string[] = [];
  let y = PADDING;
  const writeBlock = (b: Block, x = PADDING) => {
    for (const line of b.lines) {
      // y is the top of the line; the baseline sits about 0.95 of the font size below it.
      out.push(
        `<text x="${x}" y="${(y + b.font.size * 0.95).toFixed(1)}" font-size="${b.font.size}" font-weight="${b.font.weight ?? 400}" fill="${b.colour}">${escapeXml(line)}</text>`
      );
      y += b.font.size * LINE_HEIGHT;
    }
  };

  const title = block(text.title, FONTS.title, COLOURS.ink);
  if (title) writeBlock(title);
  const subtitle = block(text.subtitle, FONTS.subtitle, COLOURS.muted);
  if (subtitle) {
    y += 2;
    writeBlock(subtitle);
  }
  y += GAP;

  const drawingX = Math.round((width - drawing.width) / 2);
  out.push(`<g class="chart-drawing" transform="translate(${drawingX},${Math.round(y)})">${drawing.markup}</g>`);
  y += drawing.height + GAP;

  const footer = [...(text.notes ?? []), text.source, text.coverage, text.credit].map((s) => block(s, FONTS.footer, COLOURS.muted));
  for (const b of footer) {
    if (b) writeBlock(b);
  }

  const noticeInset = 10;
  const notice = block(text.notice, FONTS.notice, COLOURS.ink, noticeInset);
  if (notice) {
    y += 6;
    const boxHeight = notice.lines.length * notice.font.size * LINE_HEIGHT + 12;
    out.push(
      `<g class="synthetic-notice"><rect x="${PADDING}" y="${y.toFixed(1)}" width="${textWidth}" height="${boxHeight.toFixed(1)}" fill="${COLOURS.noticeBg}"/>` +
        `<rect x="${PADDING}" y="${y.toFixed(1)}" width="5" height="${boxHeight.toFixed(1)}" fill="${COLOURS.noticeLine}"/>`
    );
    y += 6;
    writeBlock(notice, PADDING + noticeInset);
    out.push('</g>');
    y += 6;
  }

  const height = Math.ceil(y + PADDING);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ` +
    `font-family="${escapeXml(family)}" role="img" aria-label="${escapeXml(text.title)}">` +
    `<title>${escapeXml(text.title)}</title>` +
    `<rect width="${width}" height="${height}" fill="#ffffff"/>` +
    out.join('') +
    `</svg>`;
  return { svg, width, height };
}
