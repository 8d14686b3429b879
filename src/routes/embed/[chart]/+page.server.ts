/**
 * /embed/{chart}: one dashboard chart alone, for an iframe. The chart registry names the chart's page;
 * the data are that page's own load, run with the same query string, so an embed always shows what
 * the dashboard shows.
 */
import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import type { EmbedPage } from '$lib/charts/registry.ts';
import { EMBEDDABLE_CHARTS, embedQuery, isEmbeddable } from '$lib/charts/export/embeds.ts';
import { withConnection } from '$lib/server/db.ts';
import { defaultSourceSet, sourceSets } from '$lib/server/metrics/source-sets.ts';
import { orUnavailable } from '$lib/state/metrics.server.ts';
import { fmt, t } from '$lib/i18n/index.ts';
import { load as genderLoad } from '../../gender/+page.server.ts';
import { load as stakeholdersLoad } from '../../stakeholders/+page.server.ts';
import { load as globalSouthLoad } from '../../global-south/+page.server.ts';
import { load as representationLoad } from '../../representation/+page.server.ts';
import { load as sessionsLoad } from '../../sessions/+page.server.ts';
import { load as regionsLoad } from '../../regions/+page.server.ts';
import { load as publishedLoad } from '../../published/+page.server.ts';

/** The load of every page with an embeddable chart; each reads the URL alone. */
const LOADS = {
  '/gender': genderLoad,
  '/stakeholders': stakeholdersLoad,
  '/global-south': globalSouthLoad,
  '/representation': representationLoad,
  '/sessions': sessionsLoad,
  '/regions': regionsLoad,
  '/published': publishedLoad
} satisfies Record<EmbedPage, (event: { url: URL }) => Promise<object>>;

export const load: PageServerLoad = async (event) => {
  const chart = event.params.chart;
  if (!isEmbeddable(chart)) error(404, t('embed.unknown', { chart, charts: fmt.list(Object.keys(EMBEDDABLE_CHARTS)) }));
  const { page } = EMBEDDABLE_CHARTS[chart];
  // The chart's own view: a record-level chart never opens on the public record, and vice versa.
  const defaultSource = defaultSourceSet(await orUnavailable(() => withConnection((conn) => sourceSets(conn))));
  const url = new URL(event.url);
  url.search = embedQuery(chart, event.url.searchParams, defaultSource).toString();
  const data = await LOADS[page]({ url });
  return { ...data, embed: { chart, page, search: url.search } };
};
