/**
 * Rows of the countries metric for one year, shaped for the map, its legend, its data table and its
 * alt text. Kept apart from the drawing code so that the page can build the table and the text on
 * the server without loading the shapes.
 */
import type { CountryNames } from '$lib/domain/country-names.ts';
import { fmt, t } from '$lib/i18n/index.ts';
import { isUncertain, type Row } from '../common.ts';
import { num } from '$lib/domain/rows.ts';

export interface MapCountry {
  iso3: string;
  /** M49 code, the id of the country's shape; null when the reference has none. */
  m49: string | null;
  name: string;
  count: number | null;
  share: number | null;
  low: number | null;
  high: number | null;
  /** The count is withheld (a small cell, or one that would give a small cell away): never zero. */
  suppressed: boolean;
  /** The share is withheld: the count's own, or the year's denominator (which would reveal a small cell). */
  shareSuppressed: boolean;
  uncertain: boolean;
  host: boolean;
  /** The world-atlas shapes include the country (small territories such as Hong Kong have none). */
  onMap: boolean;
}

export interface MapData {
  year: number | null;
  /** Countries with records in the year, largest count first, suppressed ones after by name. */
  countries: MapCountry[];
  /** Records without a known country: null count when suppressed. */
  unknown: { count: number | null; suppressed: boolean } | null;
  total: number | null;
  hostIso3: string | null;
  hostM49: string | null;
  /** Names of the map's shapes (by M49) in the reader's language, when it is not English. */
  shapeNames: Record<string, string>;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/**
 * `unmapped`: ISO3 codes of the year's countries that have no shape (decided on the server, which
 * holds the shapes; the browser loads them only to draw).
 */
export function mapData(
  rows: readonly Row[],
  year: number | null,
  unmapped: readonly string[] = [],
  names: CountryNames = { byIso3: {}, byM49: {} }
): MapData {
  const ofYear = rows.filter((r) => Number(r.year) === year);
  const hostIso3 = str(ofYear[0]?.host_iso3);
  const noShape = new Set(unmapped);
  const countries: MapCountry[] = ofYear
    .filter((r) => r.kind === 'share')
    .map((r) => {
      const iso3 = String(r.iso3 ?? r.category);
      const count = num(r.count);
      return {
        iso3,
        m49: str(r.m49),
        name: names.byIso3[iso3] ?? str(r.country) ?? iso3,
        count,
        share: num(r.share),
        low: num(r.ci_low),
        high: num(r.ci_high),
        suppressed: count === null,
        shareSuppressed: num(r.share) === null && r.suppressed === true,
        uncertain: isUncertain(r),
        host: iso3 === hostIso3,
        onMap: str(r.m49) !== null && !noShape.has(iso3)
      };
    })
    .sort((a, b) => (b.count ?? -1) - (a.count ?? -1) || a.name.localeCompare(b.name));
  const unknown = ofYear.find((r) => r.kind === 'excluded');
  return {
    year,
    countries,
    unknown: unknown ? { count: num(unknown.count), suppressed: unknown.suppressed === true } : null,
    total: num(ofYear.find((r) => num(r.total) !== null)?.total),
    hostIso3,
    hostM49: str(ofYear[0]?.host_m49),
    shapeNames: names.byM49
  };
}

/**
 * Class breaks for the colour scale: round numbers (1-2-5, else 1-3, else powers of ten) between the
 * smallest and the largest count shown, at most `maxBreaks` of them. Counts span several orders of
 * magnitude (the host country has hundreds of times the records of most others), so equal-width
 * classes would put nearly every country in the first.
 */
export function countBreaks(counts: readonly number[], maxBreaks = 5): number[] {
  if (counts.length === 0) return [];
  const min = Math.min(...counts);
  const max = Math.max(...counts);
  let breaks: number[] = [];
  for (const ladder of [[1, 2, 5], [1, 3], [1]]) {
    breaks = [];
    for (let power = 1; power <= max; power *= 10) {
      for (const m of ladder) {
        const v = m * power;
        if (v > min && v <= max) breaks.push(v);
      }
    }
    if (breaks.length <= maxBreaks) return breaks;
  }
  // Powers of ten still too many (over five orders of magnitude): keep the largest.
  return breaks.slice(-maxBreaks);
}

/** Index of the colour class of a count: 0 below the first break, breaks.length from the last. */
export function breakClass(count: number, breaks: readonly number[]): number {
  let i = 0;
  while (i < breaks.length && count >= breaks[i]) i++;
  return i;
}

/** Legend labels of the classes: "5–9", "10–19", ..., "50–812" (integer counts). */
export function breakLabels(counts: readonly number[], breaks: readonly number[]): string[] {
  if (counts.length === 0) return [];
  const min = Math.min(...counts);
  const max = Math.max(...counts);
  const labels: string[] = [];
  for (let i = 0; i <= breaks.length; i++) {
    const lo = i === 0 ? min : breaks[i - 1];
    const hi = i === breaks.length ? max : breaks[i] - 1;
    labels.push(lo === hi ? fmt.integer(lo) : `${fmt.integer(lo)}–${fmt.integer(hi)}`);
  }
  return labels;
}

/** Counts drawn in colour. */
export function shownCounts(map: MapData): number[] {
  return map.countries.flatMap((c) => (c.count !== null && c.count > 0 ? [c.count] : []));
}

function countCell(c: { count: number | null; suppressed: boolean }): string {
  return c.count === null ? (c.suppressed ? t('chart.suppressed') : '—') : fmt.integer(c.count);
}

/** The data table: one row per country in map order, then the records without a known country. */
export function mapTable(map: MapData): Record<string, string>[] {
  const rows = map.countries.map((c) => {
    const notes = [c.host ? t('regions.map.note.host') : '', c.onMap ? '' : t('regions.map.note.no_shape'), c.uncertain && c.share !== null ? t('chart.low') : '']
      .filter(Boolean)
      .join('; ');
    return {
      country: c.name,
      iso3: c.iso3,
      count: countCell(c),
      share: c.share === null ? (c.shareSuppressed ? t('chart.suppressed') : '—') : fmt.percent(c.share),
      ci: c.low !== null && c.high !== null ? `${fmt.percent(c.low)} – ${fmt.percent(c.high)}` : '—',
      note: notes
    };
  });
  if (map.unknown && (map.unknown.count !== 0 || map.unknown.suppressed)) {
    rows.push({ country: t('regions.map.unknown'), iso3: '—', count: countCell(map.unknown), share: '—', ci: '—', note: t('regions.map.note.outside') });
  }
  return rows;
}

/** Countries of the year that have no shape on the map, by name. */
export function unmappedNames(map: MapData): string[] {
  return map.countries
    .filter((c) => !c.onMap)
    .map((c) => c.name)
    .sort((a, b) => a.localeCompare(b));
}

/** One sentence for the alt text: how many countries, the largest three, how many suppressed. */
export function mapSummary(map: MapData): string {
  const shown = map.countries.filter((c) => c.count !== null);
  if (map.countries.length === 0) return t('regions.map.summary.empty');
  const top = fmt.list(shown.slice(0, 3).map((c) => `${c.name} (${fmt.integer(c.count!)})`));
  return t('regions.map.summary', {
    countries: map.countries.length,
    top: top || '—',
    suppressed: fmt.integer(map.countries.length - shown.length)
  });
}

export type ShapeStatus = 'count' | 'suppressed' | 'none' | 'host_excluded' | 'unmatched';

/** How a shape is drawn: its own count, hatched (suppressed), empty, the left-out host, or no code to match. */
export function shapeStatus(country: MapCountry | undefined, shapeId: string | undefined, hostM49: string | null, hostExcluded: boolean): ShapeStatus {
  if (country && country.count !== null && country.count > 0) return 'count';
  if (country?.suppressed) return 'suppressed';
  if (shapeId !== undefined && hostExcluded && shapeId === hostM49) return 'host_excluded';
  if (shapeId === undefined) return 'unmatched';
  return 'none';
}

/** Tooltip of a shape. */
export function shapeTip(name: string, status: ShapeStatus, country: MapCountry | undefined, k: number | null): string {
  switch (status) {
    case 'count': {
      const c = country!;
      const share = c.share === null ? '' : ` (${fmt.percent(c.share)})`;
      return t('regions.map.tip.count', { country: name, count: fmt.integer(c.count!), share });
    }
    case 'suppressed':
      return t('regions.map.tip.suppressed', { country: name, k: k ?? '' });
    case 'host_excluded':
      return t('regions.map.tip.host_excluded', { country: name });
    case 'unmatched':
      return t('regions.map.tip.unmatched', { country: name });
    case 'none':
      return t('regions.map.tip.none', { country: name });
  }
}
