import type { RequestHandler } from '@sveltejs/kit';
import { handleExportIndex } from '$lib/server/exports/http';

export const GET: RequestHandler = ({ url }) => handleExportIndex(url);
