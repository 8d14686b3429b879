/**
 * The assessment report as data: one model that the /report page renders as HTML (and print) and
 * /report.pdf as PDF, so both say the same thing under the same section titles and figure numbers.
 */
import type { Finding } from './findings.ts';

export const SECTION_IDS = ['participation', 'global-south', 'stakeholders', 'gender', 'regions', 'speakers-attendees', 'sessions'] as const;
export type SectionId = (typeof SECTION_IDS)[number];

export interface ReportTable {
  columns: { key: string; label: string; numeric?: boolean }[];
  rows: Record<string, string>[];
}

export interface LegendItem {
  label: string;
  colour: string;
}

export interface ReportFigure {
  /** Anchor of the figure ("figure-3"). */
  id: string;
  number: number;
  title: string;
  subtitle: string;
  /** The chart as SVG markup (drawn on the server with Observable Plot), without its legend. */
  svg: string;
  width: number;
  height: number;
  legend: LegendItem[];
  /** What the chart shows, for readers who cannot see it. */
  alt: string;
  notes: string[];
  table: ReportTable;
}

export interface ReportSection {
  id: SectionId;
  title: string;
  findings: Finding[];
  figures: ReportFigure[];
  coverage: string[];
  caveats: string[];
}

export interface PublishedSource {
  year: number;
  metric: string;
  value: string;
  quote: string;
  title: string;
  url: string | null;
}

export interface SourceSetEntry {
  name: string;
  label: string;
  synthetic: boolean;
  used: boolean;
  text: string;
}

export interface Report {
  title: string;
  subtitle: string;
  /** Demonstration report: synthetic records; said on every page. */
  demo: boolean;
  period: string;
  years: number[];
  /** First 12 characters of the data version hash. */
  version: string;
  /** The version named in the permalink, when it differs from the data now served. */
  requestedVersion: string | null;
  /** YYYY-MM-DD, the day the report was generated. */
  date: string;
  permalink: string;
  /** The report as a PDF: in the page's language where this server can set its script, else in English. */
  pdfUrl: string;
  /** Whether pdfUrl is in the page's language (the link says "in English" when not). */
  pdfInPageLanguage: boolean;
  records: string;
  citation: { apa: string; chicago: string };
  intro: string;
  summary: Finding[];
  sections: ReportSection[];
  methodology: { title: string; text: string }[];
  sources: PublishedSource[];
  sourceSets: SourceSetEntry[];
  /** Filter values that were invalid and what was used instead. */
  notes: string[];
}
