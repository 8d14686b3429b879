/**
 * Which charts can be embedded, and the dashboard page that draws each one. The embed route renders
 * that page's own load and component with only the named chart shown, so a chart has one definition.
 * Keys are the `id` props on the pages; a chart is offered for embedding once it is listed here.
 */
export const EMBEDDABLE_CHARTS = {
  'gender-female': '/gender',
  'gender-compare': '/gender',
  'gender-manel': '/gender',
  'stakeholders-attendees': '/stakeholders',
  'stakeholders-speakers': '/stakeholders',
  'stakeholder-evenness': '/stakeholders',
  'global-south-definitions': '/global-south',
  'regions-shares': '/regions',
  'regions-map': '/regions',
  'regions-ratio': '/regions',
  'regions-host': '/regions',
  'published-participants': '/published',
  representation: '/representation',
  sessions: '/sessions'
} as const;

export type EmbeddableChart = keyof typeof EMBEDDABLE_CHARTS;
export type EmbedPage = (typeof EMBEDDABLE_CHARTS)[EmbeddableChart];

export function isEmbeddable(chartId: string): chartId is EmbeddableChart {
  return Object.hasOwn(EMBEDDABLE_CHARTS, chartId);
}

export function embedPage(chartId: string): EmbedPage | undefined {
  return isEmbeddable(chartId) ? EMBEDDABLE_CHARTS[chartId] : undefined;
}
