/**
 * /embed/{chart}: one dashboard chart alone, for an iframe. The data are the chart's own page's load,
 * run with the same query string, so an embed always shows what the dashboard shows.
 */
import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { EMBEDDABLE_CHARTS, embedPage, type EmbedPage } from '$lib/charts/export/embeds.ts';
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
  const page = embedPage(chart);
  if (!page) error(404, t('embed.unknown', { chart, charts: Object.keys(EMBEDDABLE_CHARTS).join(', ') }));
  const data = await LOADS[page](event);
  return { ...data, embed: { chart, page } };
};
