import { describe, expect, it } from 'vitest';
import { UNCODED_SHAPES, UNCODED_SHAPE_NAMES } from './atlas.ts';
import { en } from '$lib/i18n/en.ts';

describe('shapes without an M49 code', () => {
  it('are exactly the three the names table knows (a new atlas with another fails here)', () => {
    expect([...UNCODED_SHAPES].sort()).toEqual(Object.keys(UNCODED_SHAPE_NAMES).sort());
    expect(UNCODED_SHAPES).toHaveLength(3);
  });

  it('are named by English messages that spell out the atlas abbreviations', () => {
    expect(en[UNCODED_SHAPE_NAMES['N. Cyprus']]).toBe('Northern Cyprus');
    expect(en[UNCODED_SHAPE_NAMES.Kosovo]).toBe('Kosovo');
    expect(en[UNCODED_SHAPE_NAMES.Somaliland]).toBe('Somaliland');
  });
});
