/**
 * Addresses behind a chart's download menu: the metrics API for its rows, the page and embed URLs
 * for sharing, and the file names. Plain strings, so the links work before (and without) hydration.
 */
import { metricPath, type MetricName } from '$lib/domain/metrics.ts';
import { currentLocale, localHref } from '$lib/i18n/index.ts';
import { DEFAULT_LOCALE, type Locale } from '$lib/i18n/locales.ts';

/** What a chart needs to offer its rows: the metrics API query that returns exactly them. */
export interface ChartDownload {
  metric: MetricName;
  /** The metric's parameters plus from/to and the dimension/category row filters. */
  query: Record<string, string>;
  /** File name without extension, e.g. igf-gender-female-2006-2025. */
  filename: string;
  /** Names the part when a chart draws several queries (attendees beside speakers). */
  label?: string;
  /** Whether any row of the query is synthetic; decides the notice baked into the image. */
  synthetic?: boolean;
}

/** One query, or several when a chart combines them: a set of data links per part. */
export type ChartDownloads = ChartDownload | ChartDownload[];

/** Synthetic if any part's rows are; the page-wide flag when the queries do not say. */
export function isSynthetic(d: ChartDownloads | undefined, pageSynthetic: boolean): boolean {
  const flags = downloadList(d).map((x) => x.synthetic);
  return flags.length > 0 && flags.every((f) => f !== undefined) ? flags.some(Boolean) : pageSynthetic;
}

/**
 * The data formats of the download menu. `worded`: the format carries human-language text
 * (labels, README), so its link follows the page's language; CSV and JSON hold only column
 * names and codes, the same in every language.
 */
export const DATA_FORMATS = [
  { ext: 'csv', label: 'download.csv', worded: false },
  { ext: 'arrow', label: 'download.arrow', worded: true },
  { ext: 'json', label: 'download.json', worded: false },
  { ext: 'metadata.json', label: 'download.metadata', worded: true },
  { ext: 'zip', label: 'download.zip', worded: true }
] as const;

export type DataFormat = (typeof DATA_FORMATS)[number]['ext'];

function isWorded(format: DataFormat): boolean {
  return DATA_FORMATS.some((f) => f.ext === format && f.worded);
}

export function downloadList(d: ChartDownloads | undefined): ChartDownload[] {
  return d === undefined ? [] : Array.isArray(d) ? d : [d];
}

function queryString(query: Record<string, string>): string {
  const s = new URLSearchParams(query).toString();
  return s ? `?${s}` : '';
}

/**
 * Same-origin and relative, so `<a download>` keeps our file name. On a page not in English the
 * formats with labels or a README ask for them in its language (lang=); column names and codes
 * are the same in every language, and CSV and JSON hold nothing else.
 */
export function metricUrl(metric: MetricName, format: DataFormat, query: Record<string, string>, lang: Locale = currentLocale()): string {
  const withLang = lang !== DEFAULT_LOCALE && isWorded(format) ? { ...query, lang } : query;
  return `${metricPath(metric)}.${format}${queryString(withLang)}`;
}

/** File names keep to letters, digits, dot, dash and underscore whatever a label holds. */
function safeName(parts: (string | number | null | undefined)[]): string {
  return parts
    .filter((p) => p !== null && p !== undefined && p !== '')
    .join('-')
    .replace(/[^a-z0-9_.-]+/gi, '_');
}

/** igf-{chart}[-{part}]-{first year}-{last year}; one year is written once. */
export function chartFilename(chartId: string, years: readonly number[], part?: string): string {
  const first = years.length ? Math.min(...years) : null;
  const last = years.length ? Math.max(...years) : null;
  return safeName(['igf', chartId, part, first, last !== first ? last : null]);
}

/** The image is one file for the whole chart: named by the chart and the year span of its data. */
export function imageFilename(chartId: string, downloads: ChartDownloads | undefined): string {
  const years = downloadList(downloads).flatMap((d) => [d.query.from, d.query.to].filter(Boolean).map(Number));
  return chartFilename(chartId, [...new Set(years)]);
}

/** The view's URL (which holds all its filters) pointing at the chart. */
export function chartLink(href: string, chartId: string): string {
  const url = new URL(href);
  url.hash = chartId;
  return url.href;
}

export function embedUrl(origin: string, chartId: string, search: string): string {
  return `${origin}${localHref(`/embed/${encodeURIComponent(chartId)}`)}${search}`;
}

const escapeAttribute = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The message an embedded chart posts to the page around it whenever its height changes. */
export const EMBED_HEIGHT_MESSAGE = 'igf-embed-height';

/**
 * The listener of the embed snippet, as OWID and Datawrapper do it: an embedded chart posts its
 * height, and the frame it came from (matched by window, so no other frame or page can resize
 * anything) takes that height, within sane bounds. Plain ES5, one line, safe to paste twice.
 */
const RESIZE_SCRIPT =
  `<script>window.addEventListener("message",function(e){var d=e.data;if(!d||d.type!=="${EMBED_HEIGHT_MESSAGE}"||typeof d.height!=="number")return;` +
  `var f=document.querySelectorAll("iframe[data-igf-embed]");for(var i=0;i<f.length;i++){if(f[i].contentWindow===e.source)` +
  `f[i].style.height=Math.max(120,Math.min(6000,Math.ceil(d.height)))+"px";}});</script>`;

/** An iframe of the chart that resizes to its content; `height` is the starting height before the chart reports its own. */
export function embedSnippet(src: string, title: string, height: number): string {
  return (
    `<iframe data-igf-embed src="${escapeAttribute(src)}" title="${escapeAttribute(title)}" width="100%" height="${Math.round(height)}" ` +
    `style="border:0;max-width:100%" loading="lazy"></iframe>` +
    RESIZE_SCRIPT
  );
}
