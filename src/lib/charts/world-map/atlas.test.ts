import { describe, expect, it } from 'vitest';
import { UNCODED_SHAPE_NAMES, countryShapes } from './atlas.ts';
import { en } from '$lib/i18n/en.ts';

describe('shapes without an M49 code', () => {
  it('are exactly the three the names table knows (a new atlas with another fails here)', () => {
    const uncoded = countryShapes().filter((f) => f.id === undefined).map((f) => String(f.properties.name));
    expect(uncoded.sort()).toEqual(Object.keys(UNCODED_SHAPE_NAMES).sort());
    expect(uncoded).toHaveLength(3);
  });

  it('are named by English messages that spell out the atlas abbreviations', () => {
    expect(en[UNCODED_SHAPE_NAMES['N. Cyprus']]).toBe('Northern Cyprus');
    expect(en[UNCODED_SHAPE_NAMES.Kosovo]).toBe('Kosovo');
    expect(en[UNCODED_SHAPE_NAMES.Somaliland]).toBe('Somaliland');
  });
});
