import type { Reroute } from '@sveltejs/kit';
import { delocalizePath } from '$lib/i18n/locales.ts';

// /fr/regions is the /regions route in French: one route tree, the language read from the prefix
// (hooks.server.ts); the address bar and event.url keep the prefix.
export const reroute: Reroute = ({ url }) => delocalizePath(url.pathname);
