import { describe, expect, it } from 'vitest';
import { codeLists } from './codes.server.ts';
import { STAKEHOLDER_GROUPS } from '$lib/domain/stakeholder-groups.ts';
import { REGIONAL_GROUPS } from '$lib/charts/categories.ts';
import { DEFINITIONS } from '$lib/state/filters.ts';

describe('codeLists', () => {
  const lists = Object.fromEntries(codeLists().map((l) => [l.id, l.codes]));
  it('takes each list from its home, then the codes the metrics keep outside the shares', () => {
    expect(lists.stakeholder_group.map((c) => c.code)).toEqual([...STAKEHOLDER_GROUPS, 'other', 'unknown']);
    expect(lists.regional_group.map((c) => c.code)).toEqual([...REGIONAL_GROUPS, 'unknown']);
    expect(lists.definition.map((c) => c.code)).toEqual([...DEFINITIONS]);
  });
  it('labels each code as the dashboard does, capitalising codes without a label', () => {
    expect(lists.gender).toEqual([
      { code: 'female', label: 'Women' },
      { code: 'male', label: 'Men' },
      { code: 'other', label: 'Other' },
      { code: 'undisclosed', label: 'Undisclosed' },
      { code: 'unknown', label: 'Unknown' }
    ]);
    expect(lists.regional_group.find((c) => c.code === 'no_group')?.label).toBe('Outside the groups');
  });
});
