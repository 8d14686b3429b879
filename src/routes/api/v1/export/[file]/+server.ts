import type { RequestHandler } from '@sveltejs/kit';
import { handleExportRequest } from '$lib/server/exports/http';

export const GET: RequestHandler = ({ params, url }) => handleExportRequest(params.file ?? '', url);
