/**
 * The report's findings as plain sentences, generated from the figures: pure functions of shaped
 * data, so every number in a sentence is the number in the table and figure it refers to. A year
 * without a figure is named as such and a suppressed figure said to be suppressed: nothing is
 * filled in, interpolated or carried over from another year.
 */
import { fmt, messageOr, t } from '$lib/i18n/index.ts';

/** One category's share in one year, as the metric rows give it. */
export interface ShareCell {
  year: number;
  category: string;
  /** 0..1; null when suppressed or without a denominator. */
  share: number | null;
  count: number | null;
  /** Records with the field known. */
  denominator: number | null;
  /** All records of the year in the selection. */
  total: number | null;
  suppressed: boolean;
  /** Regional groups: the group's share of UN member states. */
  memberStateShare?: number | null;
}

/** A published figure: a share (0..1) or a count, with its source. */
export interface PublishedFigure {
  year: number;
  category: string;
  value: number;
  source: string;
}

/** A sentence and the figure it refers to (rendered "… (Figure n)."). */
export interface Finding {
  text: string;
  figure: number | null;
}

/** "2016–2018, 2020 and 2024": three or more consecutive years joined into a range. */
export function yearList(years: readonly number[]): string {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    // Two years are named, three or more consecutive ones become a range.
    if (j - i >= 2) parts.push(`${fmt.year(sorted[i])}–${fmt.year(sorted[j])}`);
    else for (let y = i; y <= j; y++) parts.push(fmt.year(sorted[y]));
    i = j + 1;
  }
  // The language's own list ("2016, 2018 et 2020", "2016、2018和2020", "2016 و2018").
  return fmt.list(parts);
}

/** The range of a report's years ("2016–2025", or one year). */
export function period(years: readonly number[]): string {
  if (!years.length) return '—';
  const first = Math.min(...years);
  const last = Math.max(...years);
  return first === last ? fmt.year(first) : `${fmt.year(first)}–${fmt.year(last)}`;
}

/**
 * A group's name in running text, as each language writes it there: "the African Group" but
 * "GRULAC" in English, « le Groupe des États d’Afrique » in French, the bare name in languages
 * without articles (report.group.* in the catalogs); the label itself for groups without such a form.
 */
export function groupName(category: string, label: string): string {
  return messageOr(`report.group.${category}`, label);
}

/** A source named in a sentence: its title, or the host name of an address without a title. */
export function shortSource(source: string): string {
  if (!/^https?:\/\//i.test(source)) return source;
  try {
    return new URL(source).hostname.replace(/^www\./, '');
  } catch {
    return source;
  }
}

/** Years of the range after the latest year with a figure: said, never filled in. */
function missingAfter(years: readonly number[], latest: number | null): number[] {
  return years.filter((y) => latest === null || y > latest);
}

function latestCell(cells: ShareCell[], years: readonly number[], category: string): ShareCell | null {
  const inRange = new Set(years);
  return (
    cells
      .filter((c) => c.category === category && inRange.has(c.year))
      .sort((a, b) => b.year - a.year)[0] ?? null
  );
}

function withMissing(text: string, years: readonly number[], latest: number | null): string {
  const missing = missingAfter(years, latest);
  return missing.length ? text + t('report.find.missing', { years: yearList(missing) }) : text;
}

function coverageOf(c: ShareCell): string {
  if (c.denominator === null || c.total === null || c.total === 0) return '';
  return t('report.find.known', { share: fmt.percentRound(c.denominator / c.total), total: c.total });
}

/**
 * "In 2025 the African Group made up 16% of listed speakers whose regional group is known (15 of
 * 95), against 28% of UN member states." — for the latest year of the range with a figure.
 */
export function groupAgainstMemberStates(
  cells: ShareCell[],
  o: { category: string; label: string; population: string; years: readonly number[]; figure: number; k: number }
): Finding {
  const c = latestCell(cells, o.years, o.category);
  const group = groupName(o.category, o.label);
  if (!c) return { text: t('report.find.none', { what: t('report.find.share_of', { group, population: o.population }), period: period(o.years) }), figure: o.figure };
  let text: string;
  if (c.suppressed || c.share === null) {
    text = c.suppressed
      ? t('report.find.suppressed', { year: fmt.year(c.year), what: t('report.find.share_of', { group, population: o.population }), k: o.k })
      : t('report.find.no_known', { year: fmt.year(c.year), population: o.population });
  } else {
    const ms = c.memberStateShare;
    text = t(ms == null ? 'report.find.group' : 'report.find.group_ms', {
      year: fmt.year(c.year),
      group,
      share: fmt.percentRound(c.share),
      population: o.population,
      count: fmt.integer(c.count ?? 0),
      denominator: fmt.integer(c.denominator ?? 0),
      members: ms == null ? '' : fmt.percentRound(ms)
    });
  }
  return { text: withMissing(text, o.years, c.year), figure: o.figure };
}

/**
 * The group furthest above its share of UN member states in the latest year with figures: "WEOG
 * made up 40% of listed speakers, 2.65 times its 15% of UN member states".
 */
export function mostOverRepresented(
  cells: ShareCell[],
  o: { labels: (category: string) => string; population: string; years: readonly number[]; figure: number }
): Finding | null {
  const inRange = new Set(o.years);
  const valued = cells.filter((c) => inRange.has(c.year) && !c.suppressed && c.share !== null && c.memberStateShare);
  if (!valued.length) return null;
  const year = Math.max(...valued.map((c) => c.year));
  const best = valued
    .filter((c) => c.year === year)
    .map((c) => ({ c, ratio: c.share! / c.memberStateShare! }))
    .sort((a, b) => b.ratio - a.ratio)[0];
  return {
    text: t('report.find.over', {
      year: fmt.year(year),
      group: groupName(best.c.category, o.labels(best.c.category)),
      share: fmt.percentRound(best.c.share!),
      population: o.population,
      ratio: fmt.ratio(best.ratio),
      members: fmt.percentRound(best.c.memberStateShare!)
    }),
    figure: o.figure
  };
}

/**
 * "In 2025 the global-south share of listed speakers was 55% (n = 95; known for 89% of 107
 * records), against 48% in 2016." — the latest year with a figure, and the first for comparison.
 */
export function latestShare(cells: ShareCell[], o: { category: string; what: string; years: readonly number[]; figure: number; k: number }): Finding {
  const c = latestCell(cells, o.years, o.category);
  if (!c) return { text: t('report.find.none', { what: o.what, period: period(o.years) }), figure: o.figure };
  let text: string;
  if (c.suppressed) text = t('report.find.suppressed', { year: fmt.year(c.year), what: o.what, k: o.k });
  else if (c.share === null) text = t('report.find.no_known_what', { year: fmt.year(c.year), what: o.what });
  else {
    const known = coverageOf(c);
    text = t('report.find.share', {
      year: fmt.year(c.year),
      what: o.what,
      share: fmt.percentRound(c.share),
      n: fmt.integer(c.denominator ?? 0),
      known: known ? `${t('punct.semicolon')}${known}` : ''
    });
    const inRange = new Set(o.years);
    const first = cells
      .filter((x) => x.category === o.category && inRange.has(x.year) && x.year < c.year && !x.suppressed && x.share !== null)
      .sort((a, b) => a.year - b.year)[0];
    if (first) text += t('report.find.against', { share: fmt.percentRound(first.share!), year: fmt.year(first.year) });
  }
  return { text: withMissing(text, o.years, c.year), figure: o.figure };
}

/** "The latest published figure for women among participants is 41% (2019; IGF 2019 report)." */
export function latestPublished(
  figures: PublishedFigure[],
  o: { what: string; years: readonly number[]; figure: number; format: (v: number) => string; category?: string }
): Finding {
  const inRange = new Set(o.years);
  const shown = figures.filter((f) => inRange.has(f.year) && (o.category === undefined || f.category === o.category)).sort((a, b) => b.year - a.year);
  if (!shown.length) return { text: t('report.find.none_published', { what: o.what, period: period(o.years) }), figure: o.figure };
  const f = shown[0];
  return {
    text: t('report.find.published', { what: o.what, value: o.format(f.value), year: fmt.year(f.year), source: f.source, count: shown.length }),
    figure: o.figure
  };
}

/** The highest and lowest published figure of the range: "… is 6,279 (2023; …), the lowest 1,280 (2008)". */
export function publishedRange(
  figures: PublishedFigure[],
  o: { what: string; years: readonly number[]; figure: number; format: (v: number) => string }
): Finding | null {
  const inRange = new Set(o.years);
  const shown = figures.filter((f) => inRange.has(f.year));
  if (shown.length < 2) return null;
  // Ties go to the earlier year.
  const high = shown.reduce((a, b) => (b.value > a.value || (b.value === a.value && b.year < a.year) ? b : a));
  const low = shown.reduce((a, b) => (b.value < a.value || (b.value === a.value && b.year < a.year) ? b : a));
  return {
    text: t('report.find.highest', {
      what: o.what,
      value: o.format(high.value),
      year: fmt.year(high.year),
      source: high.source,
      low: o.format(low.value),
      lowYear: fmt.year(low.year)
    }),
    figure: o.figure
  };
}

/**
 * The host effect on one meeting: the host group's share of listed speakers in the latest year of
 * the range it hosted, against its average share in the other years with figures.
 */
export function hostEffect(
  cells: ShareCell[],
  o: { hosts: ReadonlyMap<number, string | null>; labels: (category: string) => string; population: string; years: readonly number[]; figure: number }
): Finding {
  const inRange = new Set(o.years);
  const valued = cells.filter((c) => inRange.has(c.year) && !c.suppressed && c.share !== null);
  const hostYears = [...new Set(valued.map((c) => c.year))]
    .filter((y) => {
      const g = o.hosts.get(y);
      return g != null && valued.some((c) => c.year === y && c.category === g);
    })
    .sort((a, b) => b - a);
  for (const year of hostYears) {
    const group = o.hosts.get(year)!;
    const others = valued.filter((c) => c.category === group && c.year !== year && o.hosts.get(c.year) !== group);
    if (!others.length) continue;
    const own = valued.find((c) => c.year === year && c.category === group)!;
    const mean = others.reduce((s, c) => s + c.share!, 0) / others.length;
    return {
      text: t('report.find.host', {
        year: fmt.year(year),
        group: groupName(group, o.labels(group)),
        share: fmt.percentRound(own.share!),
        population: o.population,
        mean: fmt.percentRound(mean),
        n: others.length,
        years: yearList(others.map((c) => c.year))
      }),
      figure: o.figure
    };
  }
  return { text: t('report.find.host_none', { population: o.population, period: period(o.years) }), figure: o.figure };
}

/**
 * Speakers against participants for the same group and year: the latest year with both a published
 * share of participants and a share of listed speakers, the group with the widest gap.
 */
export function speakersAgainstParticipants(
  stage: ShareCell[],
  published: PublishedFigure[],
  o: { labels: (category: string) => string; years: readonly number[]; figure: number }
): Finding {
  const inRange = new Set(o.years);
  const pairs = stage
    .filter((s) => inRange.has(s.year) && !s.suppressed && s.share !== null)
    .flatMap((s) => {
      const p = published.find((f) => f.year === s.year && f.category === s.category);
      return p ? [{ s, p, gap: Math.abs(s.share! - p.value) }] : [];
    });
  if (!pairs.length) return { text: t('report.find.pairs_none', { period: period(o.years) }), figure: o.figure };
  const year = Math.max(...pairs.map((x) => x.s.year));
  const best = pairs.filter((x) => x.s.year === year).sort((a, b) => b.gap - a.gap)[0];
  return {
    text: t('report.find.pair', {
      year: fmt.year(year),
      group: groupName(best.s.category, o.labels(best.s.category)),
      stage: fmt.percentRound(best.s.share!),
      published: fmt.percentRound(best.p.value),
      source: best.p.source
    }),
    figure: o.figure
  };
}

/** Two populations' shares of one category in the latest year both have: speakers against attendees. */
export function compareShares(
  a: ShareCell[],
  b: ShareCell[],
  o: { category: string; what: string; labelA: string; labelB: string; years: readonly number[]; figure: number }
): Finding {
  const inRange = new Set(o.years);
  const ok = (c: ShareCell) => inRange.has(c.year) && c.category === o.category && !c.suppressed && c.share !== null;
  const years = a.filter(ok).map((c) => c.year).filter((y) => b.some((c) => ok(c) && c.year === y));
  if (!years.length) return { text: t('report.find.compare_none', { what: o.what, period: period(o.years) }), figure: o.figure };
  const year = Math.max(...years);
  const ca = a.find((c) => ok(c) && c.year === year)!;
  const cb = b.find((c) => ok(c) && c.year === year)!;
  return {
    text: t('report.find.compare', {
      year: fmt.year(year),
      what: o.what,
      a: o.labelA,
      b: o.labelB,
      shareA: fmt.percentRound(ca.share!),
      shareB: fmt.percentRound(cb.share!),
      nA: fmt.integer(ca.denominator ?? 0),
      nB: fmt.integer(cb.denominator ?? 0)
    }),
    figure: o.figure
  };
}

/** A count in the latest year of the range that has one: "In 2025 the records count 5,210 attendees." */
export function latestCount(
  points: { year: number; value: number | null; suppressed: boolean }[],
  o: { what: string; years: readonly number[]; figure: number; k: number }
): Finding {
  const inRange = new Set(o.years);
  const p = points.filter((x) => inRange.has(x.year)).sort((a, b) => b.year - a.year)[0];
  if (!p) return { text: t('report.find.none', { what: o.what, period: period(o.years) }), figure: o.figure };
  const text =
    p.suppressed || p.value === null
      ? t('report.find.suppressed', { year: fmt.year(p.year), what: o.what, k: o.k })
      : t('report.find.count', { year: fmt.year(p.year), what: o.what, value: fmt.integer(p.value) });
  return { text: withMissing(text, o.years, p.year), figure: o.figure };
}

/** "The public session pages list 1,734 people in 189 sessions of 2016–2025 (no pages for 2020)." */
export function sessionPageTotals(
  totals: { year: number; sessions: number; people: number }[],
  o: { years: readonly number[]; figure: number }
): Finding {
  const inRange = new Set(o.years);
  const shown = totals.filter((x) => inRange.has(x.year));
  if (!shown.length) return { text: t('report.find.pages_none', { period: period(o.years) }), figure: o.figure };
  const sum = (k: 'sessions' | 'people') => shown.reduce((s, x) => s + x[k], 0);
  const without = o.years.filter((y) => !shown.some((x) => x.year === y));
  let text = t('report.find.pages', {
    people: sum('people'),
    sessions: sum('sessions'),
    years: yearList(shown.map((x) => x.year))
  });
  if (without.length) text += t('report.find.pages_without', { years: yearList(without) });
  return { text, figure: o.figure };
}
