/**
 * SVG and PNG of a drawn chart, in the browser. Loaded on demand by the download menu, so pages
 * do not carry this code until someone asks for an image.
 *
 * A chart's drawing can be several SVGs with HTML in between (Plot puts colour legends in an HTML
 * block above the plot). Everything is flattened by position: each SVG is cloned where it sits on
 * screen, each HTML text run becomes an SVG text at its place, and computed styles are written inline
 * because the downloaded file has none of the page's CSS.
 */
import { composeSvg, DEFAULT_FONT_FAMILY, escapeXml, type ChartText, type Drawing, type Font, type Measure } from './compose.ts';

/** Inherited properties: written where they differ from the parent's, so the file stays small. */
const INHERITED = [
  'color',
  'fill',
  'fill-opacity',
  'fill-rule',
  'stroke',
  'stroke-opacity',
  'stroke-width',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'paint-order',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'font-variant',
  'text-anchor',
  'dominant-baseline',
  'letter-spacing',
  'white-space'
] as const;

/** Not inherited: written where they differ from the initial value. */
const OWN: Record<string, string> = { opacity: '1' };

/** Present only while hovering (Plot's tip) or never visible: not part of the picture. */
function excluded(el: Element, style: CSSStyleDeclaration): boolean {
  const tag = el.tagName.toLowerCase();
  return (
    tag === 'style' ||
    tag === 'script' ||
    style.display === 'none' ||
    style.visibility === 'hidden' ||
    el.getAttribute('aria-label') === 'tip'
  );
}

/** Copy computed styles onto the clone, element by element (both trees have the same shape). */
function inlineStyles(original: Element, clone: Element, parent: CSSStyleDeclaration | null): void {
  const style = getComputedStyle(original);
  const declarations: string[] = [];
  for (const prop of INHERITED) {
    const value = style.getPropertyValue(prop);
    if (value && (!parent || parent.getPropertyValue(prop) !== value)) declarations.push(`${prop}:${value}`);
  }
  for (const [prop, initial] of Object.entries(OWN)) {
    const value = style.getPropertyValue(prop);
    if (value && value !== initial) declarations.push(`${prop}:${value}`);
  }
  if (declarations.length) clone.setAttribute('style', declarations.join(';'));
  else clone.removeAttribute('style');

  const originals = [...original.children];
  const clones = [...clone.children];
  originals.forEach((child, i) => {
    if (excluded(child, getComputedStyle(child))) clones[i].remove();
    else inlineStyles(child, clones[i], style);
  });
}

function svgPiece(svg: SVGSVGElement, origin: DOMRect): string {
  const box = svg.getBoundingClientRect();
  const clone = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, clone, null);
  clone.setAttribute('x', (box.left - origin.left).toFixed(2));
  clone.setAttribute('y', (box.top - origin.top).toFixed(2));
  clone.setAttribute('width', box.width.toFixed(2));
  clone.setAttribute('height', box.height.toFixed(2));
  // Plot draws some labels outside the frame (overflow: visible on the page); keep them.
  clone.setAttribute('overflow', 'visible');
  for (const attr of ['aria-hidden', 'role', 'aria-label', 'tabindex']) clone.removeAttribute(attr);
  return new XMLSerializer().serializeToString(clone);
}

/** An HTML text run (a legend label) as an SVG text, vertically centred on where it was drawn. */
function textPiece(node: Text, origin: DOMRect): string {
  const text = node.textContent?.replace(/\s+/g, ' ').trim();
  const parent = node.parentElement;
  if (!text || !parent) return '';
  const range = document.createRange();
  range.selectNodeContents(node);
  const rect = range.getBoundingClientRect();
  if (rect.width === 0 && rect.height === 0) return '';
  const style = getComputedStyle(parent);
  const x = rect.left - origin.left;
  const y = rect.top - origin.top + rect.height / 2;
  return (
    `<text x="${x.toFixed(2)}" y="${y.toFixed(2)}" dominant-baseline="central" ` +
    `font-family="${escapeXml(style.fontFamily)}" font-size="${style.fontSize}" font-weight="${style.fontWeight}" ` +
    `fill="${style.color}">${escapeXml(text)}</text>`
  );
}

/** The drawing inside a chart container, flattened into one piece of SVG markup. */
export function flattenDrawing(container: Element): Drawing {
  const origin = container.getBoundingClientRect();
  const pieces: string[] = [];
  const walk = (el: Element) => {
    for (const node of el.childNodes) {
      if (node.nodeType === Node.TEXT_NODE) {
        pieces.push(textPiece(node as Text, origin));
      } else if (node instanceof Element) {
        if (excluded(node, getComputedStyle(node))) continue;
        if (node instanceof SVGSVGElement) pieces.push(svgPiece(node, origin));
        else walk(node);
      }
    }
  };
  walk(container);
  return { markup: pieces.join(''), width: Math.ceil(origin.width), height: Math.ceil(container.scrollHeight || origin.height) };
}

function canvasMeasure(fontFamily: string): Measure {
  const context = document.createElement('canvas').getContext('2d');
  return (text: string, font: Font) => {
    if (!context) return text.length * font.size * 0.55;
    context.font = `${font.weight ?? 400} ${font.size}px ${fontFamily}`;
    return context.measureText(text).width;
  };
}

/** The chart's standalone SVG, laid out with the page's own font so wrapped lines match. */
export function chartSvg(container: Element, text: ChartText): { svg: string; width: number; height: number } {
  const fontFamily = getComputedStyle(document.documentElement).fontFamily || DEFAULT_FONT_FAMILY;
  return composeSvg(text, flattenDrawing(container), { measure: canvasMeasure(fontFamily), fontFamily });
}

function save(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // Revoking at once can cancel the download in some browsers; a minute is plenty.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function downloadSvg(container: Element, text: ChartText, filename: string): void {
  const { svg } = chartSvg(container, text);
  save(new Blob(['<?xml version="1.0" encoding="UTF-8"?>\n', svg], { type: 'image/svg+xml' }), `${filename}.svg`);
}

/** Twice the CSS pixel size (or the screen's density, if higher), so the image is sharp when printed. */
export const PNG_SCALE = 2;

/** A loaded font file of the page: the Noto Sans SC or Arabic slices (i18n/fonts.server.ts). */
const FONT_FILE = /noto-sans-(sc|arabic)[^/]*\.woff2(\?|$)/;

/**
 * Each font file's @font-face rule with its bytes inlined, by URL: fetched and encoded once in a
 * page's life, under a family name of its own that stays the same for every later image.
 */
const fontRules = new Map<string, Promise<{ family: string; css: string }>>();
let fontCount = 0;

function fontRule(url: string): Promise<{ family: string; css: string }> {
  let rule = fontRules.get(url);
  if (!rule) {
    const family = `igf-font-${fontCount++}`;
    rule = (async () => {
      const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
      let binary = '';
      for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
      const weight = /-(\d00)-normal/.exec(url)?.[1] ?? '400';
      return { family, css: `@font-face{font-family:'${family}';font-weight:${weight};src:url(data:font/woff2;base64,${btoa(binary)}) format('woff2');}` };
    })();
    // A failed fetch is not kept: the next image asks again.
    rule.catch(() => {
      if (fontRules.get(url) === rule) fontRules.delete(url);
    });
    fontRules.set(url, rule);
  }
  return rule;
}

/**
 * The self-hosted font files this page has loaded (Noto Sans SC or Arabic slices, see
 * i18n/fonts.server.ts), as @font-face rules with data URLs. An SVG drawn into a canvas sees none of the
 * page's web fonts, only the system's, so a Chinese or Arabic chart would lose its glyphs in the
 * PNG on a machine without such a system font. Each file gets its own family name; the text falls
 * back through them per character, then to the page's own families. A file already embedded in an
 * earlier image is not fetched again; one the page has loaded since is added.
 */
export async function embeddedFonts(): Promise<{ css: string; families: string[] }> {
  const files = performance
    .getEntriesByType('resource')
    .map((e) => e.name)
    .filter((name) => FONT_FILE.test(name));
  const rules = await Promise.all([...new Set(files)].map(fontRule));
  return { css: rules.map((r) => r.css).join(''), families: rules.map((r) => `'${r.family}'`) };
}

export async function chartPng(container: Element, text: ChartText): Promise<Blob> {
  const { svg: plain, width, height } = chartSvg(container, text);
  const fonts = await embeddedFonts();
  const family = `${fonts.families.join(', ')}, ${getComputedStyle(document.documentElement).fontFamily || DEFAULT_FONT_FAMILY}`;
  const svg = fonts.families.length
    ? plain.replace(/<svg[^>]*>/, (open) => `${open}<style>${fonts.css} text, tspan { font-family: ${escapeXml(family)} !important; }</style>`)
    : plain;
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const scale = Math.max(PNG_SCALE, window.devicePixelRatio || 1);
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(width * scale);
    canvas.height = Math.ceil(height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png')
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

export async function downloadPng(container: Element, text: ChartText, filename: string): Promise<void> {
  save(await chartPng(container, text), `${filename}.png`);
}
