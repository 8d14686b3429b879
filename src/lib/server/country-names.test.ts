import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { createSchema } from '../../../pipelines/database/open.ts';
import { countryNames } from './country-names.ts';

let conn: DuckDBConnection;

beforeAll(async () => {
  conn = await (await DuckDBInstance.create(':memory:')).connect();
  await createSchema(conn);
  await conn.run(`INSERT INTO country (iso3, m49, name_en) VALUES ('MKD', '807', 'North Macedonia'), ('COD', '180', 'Democratic Republic of the Congo'), ('AND', '20', 'Andorra'), ('XYZ', NULL, 'Nowhere')`);
  await conn.run(`INSERT INTO country_name VALUES
    ('MKD', 'en', 'North Macedonia'), ('MKD', 'fr', 'Macédoine du Nord'),
    ('COD', 'en', 'Democratic Republic of the Congo'), ('COD', 'fr', 'République démocratique du Congo'),
    ('AND', 'en', 'Andorra'), ('AND', 'fr', 'Andorre'),
    ('XYZ', 'en', 'Nowhere'), ('XYZ', 'fr', 'Nulle part')`);
});

afterAll(() => conn.closeSync());

describe('countryNames', () => {
  it('gives English pages the M49 names too, for the map shapes without a record', async () => {
    const names = await countryNames(conn, 'en');
    expect(names.byM49['807']).toBe('North Macedonia'); // the atlas says "Macedonia"
    expect(names.byM49['180']).toBe('Democratic Republic of the Congo'); // the atlas says "Dem. Rep. Congo"
    expect(names.byIso3.COD).toBe('Democratic Republic of the Congo');
  });

  it('keys the map by the three-digit M49 code, and leaves out a country without one', async () => {
    const names = await countryNames(conn, 'fr');
    expect(names.byM49).toEqual({ '807': 'Macédoine du Nord', '180': 'République démocratique du Congo', '020': 'Andorre' });
    expect(names.byIso3.XYZ).toBe('Nulle part');
  });

  it('is empty for a language the table does not have', async () => {
    expect(await countryNames(conn, 'ru')).toEqual({ byIso3: {}, byM49: {} });
  });
});
