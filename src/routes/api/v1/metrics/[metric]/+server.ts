import type { RequestHandler } from '@sveltejs/kit';
import { handleMetricRequest } from '$lib/server/metrics/http';

export const GET: RequestHandler = ({ params, url }) => handleMetricRequest(params.metric ?? '', url);
