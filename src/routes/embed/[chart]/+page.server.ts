/**
 * /embed/{chart}: one dashboard chart alone, for an iframe. The data are the chart's own page's load,
 * run with the same query string, so an embed always shows what the dashboard shows.
 */
import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { EMBEDDABLE_CHARTS, embedQuery, isEmbeddable, type EmbedPage } from '$lib/charts/export/embeds.ts';
import { withConnection } from '$lib/server/db.ts';
import { defaultSourceSet, sourceSets } from '$lib/server/metrics/source-sets.ts';
import { orUnavailable } from '$lib/state/metrics.server.ts';
import { t } from '$lib/i18n/index.ts';
import { load as genderLoad } from '../../gender/+page.server.ts';
import { load as stakeholdersLoad } from '../../stakeholders/+page.server.ts';
import { load as globalSouthLoad } from '../../global-south/+page.server.ts';
import { load as representationLoad } from '../../representation/+page.server.ts';
import { load as sessionsLoad } from '../../sessions/+page.server.ts';
import { load as regionsLoad } from '../../regions/+page.server.ts';
import { load as publishedLoad } from '../../published/+page.server.ts';

type PageLoad = (event: Parameters<PageServerLoad>[0]) => Promise<Record<string, unknown>>;

// The page loads only read the URL; their event types differ from this route's in route id alone.
const LOADS: Record<EmbedPage, PageLoad> = {
  '/gender': genderLoad as unknown as PageLoad,
  '/stakeholders': stakeholdersLoad as unknown as PageLoad,
  '/global-south': globalSouthLoad as unknown as PageLoad,
  '/representation': representationLoad as unknown as PageLoad,
  '/sessions': sessionsLoad as unknown as PageLoad,
  '/regions': regionsLoad as unknown as PageLoad,
  '/published': publishedLoad as unknown as PageLoad
};

export const load: PageServerLoad = async (event) => {
  const chart = event.params.chart;
  if (!isEmbeddable(chart)) error(404, t('embed.unknown', { chart, charts: Object.keys(EMBEDDABLE_CHARTS).join(', ') }));
  const page = EMBEDDABLE_CHARTS[chart].page;
  // The chart's own view: a record-level chart never opens on the public record, and vice versa.
  const defaultSource = defaultSourceSet(await orUnavailable(() => withConnection((conn) => sourceSets(conn))));
  const url = new URL(event.url);
  url.search = embedQuery(chart, event.url.searchParams, defaultSource).toString();
  const data = await LOADS[page]({ ...event, url });
  return { ...data, embed: { chart, page, search: url.search } };
};
