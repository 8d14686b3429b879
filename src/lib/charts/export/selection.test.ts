import { describe, expect, it } from 'vitest';
import { selection } from './selection.ts';
import { DEFAULT_FILTERS } from '$lib/state/filters.ts';

const demo = { name: 'demo', label: 'Demonstration records', synthetic: true };

describe('selection', () => {
  it('says every offered filter, and names in the file only what differs from the defaults', () => {
    const s = selection({
      filters: { ...DEFAULT_FILTERS, source: 'demo', population: 'speakers', mode: 'online', definition: 'wb_non_high_income', exclude_host: true },
      offered: ['source', 'from', 'to', 'population', 'mode', 'definition', 'exclude_host'],
      years: [2015, 2016, 2017],
      records: demo
    });
    expect(s.text).toBe('2015–2017 · Speakers · Online · World Bank: not high income · Host country left out · Demonstration records (synthetic)');
    expect(s.fileSuffix).toBe('speakers-online-wb-non-high-income-without-host-demo');
  });

  it('leaves out the filters a page does not offer, and says a single year once', () => {
    const s = selection({ filters: { ...DEFAULT_FILTERS, definition: 'g77' }, offered: ['year', 'mode'], years: [2023], records: null });
    expect(s.text).toBe('2023 · All modes');
    expect(s.fileSuffix).toBe('');
  });

  it('says the host is included when it is', () => {
    const s = selection({ filters: DEFAULT_FILTERS, offered: ['exclude_host'], years: [], records: null });
    expect(s.text).toBe('Host country included');
  });
});
