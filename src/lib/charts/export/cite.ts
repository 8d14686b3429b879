/**
 * How to cite a chart: APA (7th edition, data set) and Chicago (author-date, data set) texts for
 * the chart's permalink, which carries its filters, with the data version, so that a citation
 * points at exactly the figures that were seen. Pure: the access date is passed in.
 */
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

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function longDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${MONTHS[m - 1]} ${d}, ${y}`;
}

export function citation(c: CitationInput): Citation {
  const year = c.year ?? Number(c.accessed.slice(0, 4));
  return {
    apa: `${PRODUCT}. (${year}). ${c.title} (Data version ${c.version}) [Data set]. Retrieved ${longDate(c.accessed)}, from ${c.url}`,
    chicago: `${PRODUCT}. ${year}. “${c.title}.” Data set, data version ${c.version}. Accessed ${longDate(c.accessed)}. ${c.url}.`
  };
}
