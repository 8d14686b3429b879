/**
 * How to cite a chart: APA (7th edition, data set) and Chicago (author-date, data set) texts for
 * the chart's permalink, which carries its filters, with the data version, so that a citation
 * points at exactly the figures that were seen. Pure: the access date is passed in.
 */
import { fmt, t } from '$lib/i18n/index.ts';

/** The product's name: a proper name, the same in every language (as cited). */
export const PRODUCT = 'IGF participation analytics';

export interface CitationInput {
  title: string;
  /** The chart's permalink: the page with its filters and the chart's anchor. */
  url: string;
  /** The first 12 characters of the data version (a hash over the loaded files). */
  version: string;
  /** When the reader looked at it, YYYY-MM-DD. */
  accessed: string;
  /** The year the data version was loaded (the data set's year), else the access year. */
  year?: number;
}

export interface Citation {
  apa: string;
  chicago: string;
}

/** The two styles in the reader's language (their fixed words and the access date); the product keeps its name. */
export function citation(c: CitationInput): Citation {
  const params = { product: PRODUCT, year: String(c.year ?? Number(c.accessed.slice(0, 4))), title: c.title, version: c.version, date: fmt.date(c.accessed), url: c.url };
  return { apa: t('cite.apa', params), chicago: t('cite.chicago', params) };
}
