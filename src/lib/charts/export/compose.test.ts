import { describe, expect, it } from 'vitest';
import { approximateMeasure, composeSvg, escapeXml, wrapText, type Drawing } from './compose.ts';

const drawing: Drawing = {
  markup: '<svg x="0" y="0" width="600" height="300" viewBox="0 0 600 300"><path class="mark-line" d="M0,0L600,300"/></svg>',
  width: 600,
  height: 300
};
const text = {
  title: 'Women’s share of attendees & speakers',
  subtitle: 'Attendees, all modes; target 50 %',
  notes: ['Hollow point: fewer than 30 records'],
  source: 'Source: IGF participation database, gender metric.',
  coverage: 'Gender known for 94 % of records.'
};
const NOTICE = 'Demonstration data: some records in view are synthetic.';

/** The text content of every <text> element, in order. */
const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

describe('composeSvg', () => {
  it('is one standalone SVG with a white background and the drawing inside', () => {
    const { svg, width, height } = composeSvg(text, drawing);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain(`viewBox="0 0 ${width} ${height}"`);
    expect(svg).toContain(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
    expect(svg).toContain('<path class="mark-line" d="M0,0L600,300"/>');
    expect(svg).not.toMatch(/<link|<style|href=/);
    expect(width).toBe(632);
    expect(height).toBeGreaterThan(300 + 18 + 13 + 11 * 3);
  });

  it('bakes in the title, subtitle, notes, source and coverage as text, escaped', () => {
    const { svg } = composeSvg(text, drawing);
    const lines = texts(svg).join(' ');
    expect(lines).toContain('Women’s share of attendees &amp; speakers');
    expect(lines).toContain('Attendees, all modes; target 50 %');
    expect(lines).toContain('Hollow point: fewer than 30 records');
    expect(lines).toContain('Source: IGF participation database, gender metric.');
    expect(lines).toContain('Gender known for 94 % of records.');
    expect(svg).toContain('<title>Women’s share of attendees &amp; speakers</title>');
  });

  it('ends with the credit line: address, licence, date and data version', () => {
    const credit = 'https://igf.example/gender#gender-female · CC BY 4.0 · 2026-11-30 · data version 3f2a9c0d1e2b';
    const lines = texts(composeSvg({ ...text, credit }, drawing).svg);
    expect(lines.at(-1)).toBe(escapeXml(credit));
  });

  it('carries the synthetic-data notice only when there is one', () => {
    const real = composeSvg({ ...text, notice: null }, drawing);
    expect(real.svg).not.toContain('Demonstration data');
    expect(real.svg).not.toContain('synthetic-notice');
    const synthetic = composeSvg({ ...text, notice: NOTICE }, drawing);
    expect(texts(synthetic.svg).join(' ')).toContain(NOTICE);
    expect(synthetic.svg).toContain('class="synthetic-notice"');
    expect(synthetic.height).toBeGreaterThan(real.height);
  });

  it('wraps long lines to the width instead of running off the image', () => {
    const long = 'A very long subtitle that says a great deal about definitions and populations '.repeat(4).trim();
    const { svg, width } = composeSvg({ ...text, subtitle: long }, { ...drawing, width: 300 });
    const sub = texts(svg).filter((l) => long.includes(l) && l.length > 0);
    expect(sub.length).toBeGreaterThan(2);
    for (const l of sub) expect(approximateMeasure(l, { size: 13 })).toBeLessThanOrEqual(width - 32);
    expect(sub.join(' ')).toBe(long);
  });

  it('is never narrower than the header needs', () => {
    expect(composeSvg(text, { markup: '', width: 120, height: 56 }).width).toBe(320);
  });
});

describe('wrapText', () => {
  it('keeps a word longer than the line whole on its own line', () => {
    const measure = (s: string) => s.length * 10;
    expect(wrapText('a bb supercalifragilistic cc', 50, { size: 10 }, measure)).toEqual(['a bb', 'supercalifragilistic', 'cc']);
    expect(wrapText('   ', 50, { size: 10 }, measure)).toEqual([]);
  });
});

describe('escapeXml', () => {
  it('escapes the five XML specials', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
  });
});
