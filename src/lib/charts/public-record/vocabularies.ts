/**
 * What the public-record chart can break down: each breakdown names its categories (from the
 * domain vocabulary), how data/published codes them, which published metrics give shares of
 * participants, and which metric dimension gives the speakers' shares.
 */
import { REGIONAL_GROUPS, publishedRegionalGroup } from '$lib/domain/regional-groups.ts';
import { STAKEHOLDER_GROUPS, publishedStakeholderGroup } from '$lib/domain/stakeholder-groups.ts';
import { label, messageOr } from '$lib/i18n/index.ts';

/** A category's name in the reader's language: its long or short form when it has one, else the plain one. */
function categoryName(form: 'long' | 'short', code: string): string {
  return messageOr(`category.${form}.${code}`, label('category', code));
}

export interface RecordVocabulary {
  key: 'regional_groups' | 'stakeholder_groups' | 'women';
  categories: readonly string[];
  label: (code: string) => string;
  shortLabel: (code: string) => string;
  /** Published metrics whose values are shares of participants per category; estimated ones flagged. */
  publishedMetrics: { metric: string; estimated: boolean }[];
  publishedCategory: (raw: string | null) => string | null;
  /** The metric dimension of the speakers' shares (regions or stakeholders metric). */
  stageDimension: string;
}

export const REGIONAL_GROUPS_RECORD: RecordVocabulary = {
  key: 'regional_groups',
  categories: REGIONAL_GROUPS,
  label: (c) => categoryName('long', c),
  shortLabel: (c) => categoryName('short', c),
  publishedMetrics: [
    { metric: 'region_share', estimated: false },
    { metric: 'region_share_estimated', estimated: true }
  ],
  publishedCategory: publishedRegionalGroup,
  stageDimension: 'un_regional_group'
};

export const STAKEHOLDER_GROUPS_RECORD: RecordVocabulary = {
  key: 'stakeholder_groups',
  categories: STAKEHOLDER_GROUPS,
  label: (c) => categoryName('long', c),
  shortLabel: (c) => categoryName('short', c),
  publishedMetrics: [{ metric: 'stakeholder_share', estimated: false }],
  publishedCategory: publishedStakeholderGroup,
  stageDimension: 'stakeholder_group'
};

/**
 * Women among participants, as published. The session pages give no gender, and none is inferred
 * from names, so this breakdown has published points only.
 */
export const WOMEN_RECORD: RecordVocabulary = {
  key: 'women',
  categories: ['female'],
  label: () => label('category', 'female'),
  shortLabel: () => label('category', 'female'),
  publishedMetrics: [{ metric: 'gender_share', estimated: false }],
  publishedCategory: (raw) => (raw === 'female' ? 'female' : null),
  stageDimension: 'gender'
};
