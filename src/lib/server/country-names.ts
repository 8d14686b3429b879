/**
 * Country names in the reader's language, from the country_name table (the six UN-language names
 * of UNSD's M49 overview, loaded by the pipeline). The metrics and exports keep ISO3 codes and the
 * English names, so that what an analyst downloads does not change with the page language; pages
 * swap in these names for display. English pages need them too: the map names every shape, most of
 * them countries without a record, and its atlas's own names are Natural Earth's abbreviations
 * ("Dem. Rep. Congo", "Falkland Is.") and some outdated ones ("Macedonia").
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { perDatabase } from './db.ts';
import type { CountryNames } from '$lib/domain/country-names.ts';
import type { Locale } from '$lib/i18n/locales.ts';

const NONE: CountryNames = { byIso3: {}, byM49: {} };

export async function countryNames(conn: DuckDBConnection, locale: Locale): Promise<CountryNames> {
  let rows: unknown[][];
  try {
    const reader = await conn.runAndReadAll(
      `SELECT n.iso3, lpad(c.m49, 3, '0'), n.name FROM country_name n JOIN country c USING (iso3) WHERE n.language = $language`,
      { language: locale }
    );
    rows = reader.getRows();
  } catch (e) {
    // A database built before country_name existed: the pages show the English names.
    if (e instanceof Error && /country_name/.test(e.message)) return NONE;
    throw e;
  }
  const names: CountryNames = { byIso3: {}, byM49: {} };
  for (const [iso3, m49, name] of rows) {
    names.byIso3[String(iso3)] = String(name);
    if (m49 !== null) names.byM49[String(m49)] = String(name);
  }
  return names;
}

/** The names in a language, read once per database (they change only when the pipeline runs). */
export function countryNamesIn(locale: Locale): Promise<CountryNames> {
  return perDatabase(`country-names:${locale}`, (conn) => countryNames(conn, locale));
}
