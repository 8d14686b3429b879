/**
 * The language of the request being answered. Requests are handled concurrently, so the language
 * cannot be a module variable: each request runs inside its own AsyncLocalStorage context
 * (hooks.server.ts), which t() and the formatters read through useLocaleSource.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { useLocaleSource } from './index.ts';
import { DEFAULT_LOCALE, type Locale } from './locales.ts';

const requestLocale = new AsyncLocalStorage<Locale>();

useLocaleSource(() => requestLocale.getStore() ?? DEFAULT_LOCALE);

/** Runs `answer` (and everything it awaits) in the given language. */
export function inLocale<T>(locale: Locale, answer: () => T): T {
  return requestLocale.run(locale, answer);
}
