/**
 * The three record kinds a file can hold, and the header spellings each field
 * answers to. Headers are compared after headerKey(): case, spaces and
 * punctuation do not matter, so "Meeting Year", "meeting_year" and
 * "MEETING-YEAR" are one header.
 */
export type RecordKind = 'attendance' | 'sessions' | 'speakers' | 'published_figures';
export const RECORD_KINDS: readonly RecordKind[] = ['attendance', 'sessions', 'speakers', 'published_figures'];

export interface FieldSpec {
  /** Header spellings, already in headerKey() form. The first is the canonical name. */
  synonyms: string[];
  required?: boolean;
  /** Read only to derive another value (the pseudonymous key), never stored. */
  personal?: boolean;
}

const year: FieldSpec = { synonyms: ['meetingyear', 'year', 'igfyear', 'meeting', 'edition'], required: true };
// UN lists of participants name the state a person represents "Delegation",
// "Member State" or "Party" (UNFCCC).
const country: FieldSpec = {
  synonyms: [
    'country', 'countryname', 'countryofresidence', 'residence', 'nationality', 'countryterritory', 'delegation',
    'memberstate', 'party', 'pays', 'pais'
  ]
};
/** A code column: when a file has both, the code wins over the name (see load-file.ts). */
const countryCode: FieldSpec = {
  synonyms: [
    'countrycode', 'iso3166code', 'iso31661code', 'iso31661alpha3', 'iso31661alpha2', 'isocode', 'iso3', 'iso2', 'iso',
    'iso3166', 'iso3code', 'iso2code', 'alpha3', 'alpha2', 'm49code'
  ]
};
const stakeholder: FieldSpec = {
  synonyms: ['stakeholdergroup', 'stakeholder', 'sector', 'stakeholdertype', 'stakeholdercategory', 'affiliationtype', 'constituency']
};
const gender: FieldSpec = { synonyms: ['gender', 'sex', 'genre', 'genero'] };
const mode: FieldSpec = {
  synonyms: ['participationmode', 'mode', 'attendancemode', 'participation', 'participationtype', 'attendancetype', 'format', 'onsiteonline']
};
/** A yes/no column "On-Site": Yes -> onsite, Remote -> online, No -> online only if the file says so elsewhere. */
const onsiteFlag: FieldSpec = { synonyms: ['onsite', 'inperson', 'physicalattendance', 'attendedinperson', 'present', 'presentiel', 'presencial'] };
/** A boolean column "Virtual": true -> online, false -> onsite. */
const onlineFlag: FieldSpec = { synonyms: ['virtual', 'remote', 'online', 'remoteparticipation', 'onlineparticipation', 'virtualparticipation'] };
/** A boolean column "Female": 1 -> female; 0 -> male only when the file has no other gender column. */
const femaleFlag: FieldSpec = { synonyms: ['female', 'woman', 'women', 'isfemale', 'femme', 'mujer'] };
/** A form of address ("Mr", "Ms", "Mme", "Sra.") as the person gave it: a declared gender, never a guess. */
const honorific: FieldSpec = { synonyms: ['honorific', 'salutation', 'courtesytitle', 'personaltitle', 'formofaddress', 'civility', 'civilite', 'tratamiento'] };
const sessionId: FieldSpec = { synonyms: ['sessionid', 'session', 'sessionno', 'sessionnumber', 'sessioncode', 'sessionref'], required: true };
const sessionType: FieldSpec = { synonyms: ['sessiontype', 'type', 'sessionformat', 'category'] };

export const FIELDS: Record<RecordKind, Record<string, FieldSpec>> = {
  attendance: {
    meeting_year: year,
    participant_id: { synonyms: ['participantid', 'registrationid', 'registrantid', 'badgeid', 'badgenumber', 'attendeeid', 'personid'], personal: true },
    email: { synonyms: ['email', 'emailaddress', 'mail', 'courriel', 'correoelectronico'], personal: true },
    name: {
      synonyms: ['name', 'fullname', 'firstname', 'lastname', 'surname', 'givenname', 'familyname', 'participantname', 'personname', 'nom', 'nombre'],
      personal: true
    },
    country,
    country_code: countryCode,
    stakeholder_group: stakeholder,
    gender,
    // "Title" in an attendance list is the form of address; in a speakers list it is the session's title.
    honorific: { synonyms: [...honorific.synonyms, 'title'] },
    female_flag: femaleFlag,
    participation_mode: mode,
    onsite_flag: onsiteFlag,
    online_flag: onlineFlag,
    first_time: { synonyms: ['firsttime', 'firsttimer', 'firsttimeparticipant', 'firstigf', 'newcomer', 'firstattendance'] },
    synthetic: { synonyms: ['synthetic'] }
  },
  sessions: {
    meeting_year: year,
    session_id: { ...sessionId, synonyms: [...sessionId.synonyms, 'id'] },
    title: { synonyms: ['title', 'sessiontitle', 'sessionname', 'name'] },
    session_type: sessionType,
    theme: { synonyms: ['theme', 'track', 'maintheme', 'subtheme', 'topic'] },
    date: { synonyms: ['date', 'sessiondate', 'day'] },
    attendance_onsite: { synonyms: ['attendanceonsite', 'onsiteattendance', 'onsite', 'inperson', 'participantsonsite', 'onsiteparticipants'] },
    attendance_online: { synonyms: ['attendanceonline', 'onlineattendance', 'online', 'remote', 'participantsonline', 'onlineparticipants'] },
    women_share_estimate: { synonyms: ['womenshareestimate', 'womenshare', 'shareofwomen', 'percentwomen', 'womenpercent', 'femaleshare'] },
    synthetic: { synonyms: ['synthetic'] }
  },
  speakers: {
    meeting_year: year,
    session_id: sessionId,
    name: {
      synonyms: ['name', 'speakername', 'fullname', 'personname', 'nameofpersonspeaking', 'nameofspeaker', 'speaker', 'panelist', 'panellist']
    },
    // Joined as "First Last" when the file has no full-name column.
    first_name: { synonyms: ['firstname', 'givenname', 'forename', 'prenom', 'nombres'] },
    last_name: { synonyms: ['lastname', 'surname', 'familyname', 'nomdefamille', 'apellido', 'apellidos'] },
    role: { synonyms: ['role', 'speakerrole', 'function', 'capacity'] },
    organization: { synonyms: ['organization', 'organisation', 'affiliation', 'institution', 'org', 'company'] },
    country,
    country_code: countryCode,
    stakeholder_group: stakeholder,
    gender,
    honorific,
    female_flag: femaleFlag,
    participation_mode: mode,
    onsite_flag: onsiteFlag,
    online_flag: onlineFlag,
    session_title: { synonyms: ['sessiontitle', 'title', 'sessionname'] },
    session_type: sessionType,
    // The UN regional group as the record gives it; session pages give this, never a country.
    regional_group: { synonyms: ['regionalgroup', 'unregionalgroup', 'unregion', 'regiongroup', 'region'] },
    source_url: { synonyms: ['sourceurl', 'url', 'sessionurl', 'sessionpage', 'page', 'link'] },
    synthetic: { synonyms: ['synthetic'] }
  },
  // Figures the IGF and others published, each with its source and exact quote.
  published_figures: {
    year: { synonyms: ['year', 'meetingyear'], required: true },
    host_city: { synonyms: ['hostcity', 'city'] },
    host_country: { synonyms: ['hostcountry'] },
    metric: { synonyms: ['metric', 'indicator'], required: true },
    category: { synonyms: ['category'] },
    value: { synonyms: ['value', 'figure'], required: true },
    unit: { synonyms: ['unit', 'units'] },
    source_url: { synonyms: ['sourceurl', 'url', 'source'], required: true },
    source_title: { synonyms: ['sourcetitle'] },
    quote: { synonyms: ['quote', 'quotation'], required: true }
  }
};

/** "Meeting Year", "meeting_year", " MEETING-YEAR " -> "meetingyear". Accents go too: "Género" -> "genero". */
export function headerKey(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}
