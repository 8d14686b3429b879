import type { RequestHandler } from '@sveltejs/kit';
import { metricsIndex } from '$lib/server/metrics/http';

export const GET: RequestHandler = () => metricsIndex();
