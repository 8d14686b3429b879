/**
 * Free-text spellings of the categorical fields and the value each stands for.
 * Keys are compared after the SQL macro text_key() (lower case, no accents,
 * punctuation as spaces), so "Civil-Society", "civil society" and
 * "CIVIL SOCIETY" are one key. A non-blank value with no entry here becomes
 * 'unknown' (or NULL for first_time) and is reported as unresolved.
 */
import type { CategoryOf } from '../../src/lib/domain/categories.ts';

type Synonyms = Record<string, string[]>;
/** Spellings of every category of a breakdown (src/lib/domain/categories.ts): a category added there must get its spellings here. */
type CategorySynonyms<D extends 'stakeholder_group' | 'gender' | 'participation_mode'> = Record<CategoryOf<D>, string[]>;

/**
 * The names and abbreviations of the stakeholder groups themselves, as the IGF form and session pages
 * label a person's group ("Civil Society", "CSO", "Technical Community"); files/session-page.ts reads
 * a page field made of these words (allowing a typo) as a stakeholder group, never an organisation.
 */
export const STAKEHOLDER_GROUP_NAMES: Record<Exclude<CategoryOf<'stakeholder_group'>, 'unknown'>, string[]> = {
  government: ['government', 'governments', 'govt', 'gov', 'public sector', 'parliament', 'parliamentarian'],
  private_sector: ['private sector', 'business'],
  civil_society: ['civil society', 'civil society group', 'civil society organization', 'civil society organisation', 'cso', 'ngo', 'youth'],
  technical_community: ['technical community', 'technical'],
  academia: ['academia', 'academic', 'academic community'],
  intergovernmental_organization: [
    'intergovernmental organization', 'intergovernmental organisation', 'intergovernmental organizations',
    'intergovernmental organisations', 'inter governmental organization', 'inter governmental organisation', 'igo',
    'international organization', 'international organisation'
  ],
  media: ['media'],
  other: ['other']
};

/** Every spelling of each group: its names above, then the words for the kinds of organisation in it. */
export const STAKEHOLDER_SYNONYMS: CategorySynonyms<'stakeholder_group'> = {
  government: [
    ...STAKEHOLDER_GROUP_NAMES.government, 'public administration', 'ministry', 'regulator', 'member of parliament', 'mp',
    'gouvernement', 'gobierno', 'state', 'local government',
    // typos seen on real IGF session pages
    'governement', 'goverment'
  ],
  private_sector: [
    ...STAKEHOLDER_GROUP_NAMES.private_sector, 'private', 'businesses', 'industry', 'company', 'corporate', 'private company',
    'commercial', 'business community', 'secteur prive', 'sector privado', 'private sector business'
  ],
  civil_society: [
    ...STAKEHOLDER_GROUP_NAMES.civil_society, 'ngos', 'non governmental organization', 'non governmental organisation', 'nonprofit',
    'non profit', 'not for profit', 'foundation', 'societe civile', 'sociedad civil', 'community',
    // typos seen on real IGF session pages
    'civil socity', 'civil solciety', 'civil societ', 'civil sociey'
  ],
  technical_community: [
    ...STAKEHOLDER_GROUP_NAMES.technical_community, 'tech community', 'technical and academic community', 'internet technical community',
    'engineer', 'engineering', 'registry', 'registrar', 'isp', 'internet service provider', 'standards body', 'communaute technique',
    'comunidad tecnica'
  ],
  academia: [
    ...STAKEHOLDER_GROUP_NAMES.academia, 'academics', 'university', 'universities', 'research', 'researcher',
    'research institution', 'think tank', 'student', 'universite', 'universidad', 'academie'
  ],
  intergovernmental_organization: [
    ...STAKEHOLDER_GROUP_NAMES.intergovernmental_organization, 'intergovernmental', 'i g o', 'igos', 'io', 'un', 'united nations',
    'un agency', 'un system', 'international organizations', 'international organisations', 'organisation intergouvernementale',
    'organizacion intergubernamental'
  ],
  media: [...STAKEHOLDER_GROUP_NAMES.media, 'press', 'journalist', 'journalism', 'news', 'medias', 'medios', 'prensa', 'presse'],
  other: [...STAKEHOLDER_GROUP_NAMES.other, 'others', 'misc', 'miscellaneous', 'autre', 'otro'],
  unknown: ['unknown', 'n a', 'na', 'none', 'not specified', 'unspecified', '']
};

export const GENDER_SYNONYMS: CategorySynonyms<'gender'> = {
  female: ['female', 'f', 'woman', 'women', 'w', 'femme', 'mujer', 'femenino', 'feminin', 'girl', 'she her'],
  male: ['male', 'm', 'man', 'men', 'homme', 'hombre', 'masculino', 'masculin', 'boy', 'he him'],
  other: [
    'other', 'non binary', 'nonbinary', 'non binary third gender', 'genderqueer', 'gender diverse', 'agender',
    'third gender', 'x', 'diverse', 'divers', 'self described', 'prefer to self describe', 'autre', 'otro'
  ],
  undisclosed: [
    'prefer not to say', 'prefer not to answer', 'prefer not to disclose', 'rather not say', 'declined', 'decline to state',
    'not disclosed', 'undisclosed', 'withheld', 'no answer', 'ne souhaite pas repondre', 'prefiero no decirlo'
  ],
  unknown: ['unknown', 'n a', 'na', 'none', 'not specified', 'unspecified', 'u', '']
};

export const MODE_SYNONYMS: CategorySynonyms<'participation_mode'> = {
  onsite: ['onsite', 'on site', 'in person', 'inperson', 'physical', 'physically', 'present', 'venue', 'f2f', 'face to face', 'presentiel', 'presencial', 'local'],
  online: ['online', 'on line', 'remote', 'remotely', 'virtual', 'virtually', 'remote participation', 'remote hub', 'hub', 'zoom', 'webex', 'en ligne', 'en linea', 'a distance', 'distance'],
  unknown: ['unknown', 'n a', 'na', 'hybrid', 'both', '']
};

export const ROLE_SYNONYMS: Synonyms = {
  speaker: ['speaker', 'speakers', 'panelist', 'panellist', 'presenter', 'discussant', 'keynote', 'keynote speaker', 'lead discussant', 'intervenant', 'ponente', 'orador'],
  moderator: ['moderator', 'moderators', 'chair', 'co chair', 'chairperson', 'facilitator', 'host', 'moderateur', 'moderador', 'online moderator', 'onsite moderator'],
  organizer: ['organizer', 'organiser', 'organizers', 'organisers', 'co organizer', 'co organiser', 'convener', 'proposer', 'organisateur', 'organizador'],
  rapporteur: ['rapporteur', 'rapporteurs', 'note taker', 'reporter', 'relator'],
  unknown: ['unknown', 'n a', 'na', '']
};

/**
 * A yes/no "On-Site" column. "No" says only where the person was not: it
 * becomes online only when another column says so (see load/categorical.ts).
 */
export const ONSITE_FLAG_SYNONYMS: Synonyms = {
  onsite: ['yes', 'y', 'true', 't', '1', 'x', 'on site', 'in person', 'present', 'attended', 'oui', 'si'],
  online: ['online', 'on line', 'remote', 'remotely', 'virtual', 'remote hub', 'hub', 'en ligne', 'en linea'],
  not_onsite: ['no', 'n', 'false', 'f', '0', 'non', 'absent']
};

/**
 * Forms of address, compared after honorific_key() has dropped the titles
 * that say nothing about gender ("H.E. Mr" -> "mr"). A title is how the
 * person asked to be addressed, so it is a declared gender; a title alone
 * (Dr, Prof, H.E., Amb.) says nothing and is 'unknown'. Gender is never
 * guessed from a given name.
 */
export const HONORIFIC_SYNONYMS: Synonyms = {
  male: [
    'mr', 'mister', 'm', 'monsieur', 'messrs', 'sr', 'senor', 'don', 'herr', 'sir', 'his excellency', 'signor', 'sig', 'senhor',
    'г н', 'господин', 'السيد', '先生'
  ],
  female: [
    'ms', 'mrs', 'miss', 'mme', 'madame', 'madam', 'mlle', 'mademoiselle', 'sra', 'senora', 'srta', 'senorita', 'dona', 'frau',
    'dame', 'her excellency', 'signora', 'sig ra', 'senhora', 'г жа', 'госпожа', 'السيدة', '女士', '夫人', '小姐'
  ],
  unknown: [
    'dr', 'doctor', 'prof', 'professor', 'h e', 'he', 'excellency', 'amb', 'ambassador', 'hon', 'honourable', 'honorable',
    'rev', 'eng', 'ing', 'mx', 'lic'
  ]
};

export const BOOLEAN_SYNONYMS: Synonyms = {
  true: ['true', 't', 'yes', 'y', '1', 'oui', 'si', 'first time', 'first', 'new', 'newcomer', 'x'],
  false: ['false', 'f', 'no', 'n', '0', 'non', 'returning', 'repeat', 'not first time']
};

/** Rows for the temporary lookup table (field, spelling, value) that the load SQL joins against. */
export function synonymRows(): Array<[field: string, spelling: string, value: string]> {
  const fields: Record<string, Synonyms> = {
    stakeholder_group: STAKEHOLDER_SYNONYMS,
    gender: GENDER_SYNONYMS,
    participation_mode: MODE_SYNONYMS,
    role: ROLE_SYNONYMS,
    boolean: BOOLEAN_SYNONYMS,
    onsite_flag: ONSITE_FLAG_SYNONYMS,
    honorific: HONORIFIC_SYNONYMS
  };
  const rows: Array<[string, string, string]> = [];
  for (const [field, table] of Object.entries(fields)) {
    for (const [value, spellings] of Object.entries(table)) {
      for (const spelling of [value.replaceAll('_', ' '), ...spellings]) rows.push([field, spelling, value]);
    }
  }
  return rows;
}
