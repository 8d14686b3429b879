/**
 * Reads one saved IGF session page (HTML as saved, or text copied from a
 * browser) into the session's identity and the people it lists. Pure: text in,
 * data out. Personal data stays minimal: e-mail addresses printed on a page
 * are dropped, never returned.
 *
 * The pages are Drupal renderings of the IGF proposal form (2018 onwards:
 * "Speaker 1: Name, Stakeholder group, Regional group", bullet lists, and the
 * headings Onsite Moderator / Online Moderator / Rapporteur) and, for 2017,
 * Sched event pages ("Proposer's Name:", "Speaker: Name, Organisation").
 * A line that looks like a person but cannot be read becomes a problem with
 * its line number; nothing is dropped silently.
 */
import { normaliseRegionalGroup, regionalGroupKey, regionalGroupSpellings } from '../../src/lib/domain/regional-groups.ts';
import { editDistance } from '../records/edit-distance.ts';
import { STAKEHOLDER_GROUP_NAMES } from '../records/synonyms.ts';

export type PageRole = 'speaker' | 'organizer' | 'moderator' | 'rapporteur';

export interface PagePerson {
  /** Line in the source text (HTML or .txt) where the entry starts. */
  line: number;
  role: PageRole;
  /** The page's label: Speaker, Additional Speaker, Organizer, Onsite Moderator, Online Moderator, Moderator, Rapporteur. */
  roleDetail: string;
  name: string | null;
  /** A form of address printed before the name ("Ms.", "Hon."), kept apart from it. */
  honorific: string | null;
  organization: string | null;
  stakeholderGroupRaw: string | null;
  regionalGroupRaw: string | null;
  /** True when the page lost the moderator/rapporteur heading and the role comes from the form's order. */
  roleFromPageOrder: boolean;
}

export interface PageProblem {
  line: number;
  reason: string;
}

export interface ParsedSessionPage {
  year: number | null;
  sessionId: string | null;
  title: string | null;
  sessionType: string | null;
  sourceUrl: string | null;
  people: PagePerson[];
  problems: PageProblem[];
}

export interface SourceLine {
  text: string;
  line: number;
  /** Inside an <h1> of an HTML page. */
  isH1?: boolean;
}

export function parseSessionPage(text: string, options: { fileName: string; isHtml: boolean }): ParsedSessionPage {
  const lines = options.isHtml ? htmlLines(text) : textLines(text);
  const sourceUrl = (options.isHtml ? canonicalUrl(text) : null) ?? firstUrl(lines);
  const heading =
    lines.find((l) => l.isH1)?.text ?? (options.isHtml ? htmlTitle(text) : null) ?? headingLine(lines);
  // Saved copies are often named after the page's address ("igf-2018-ws-346-….txt").
  const session =
    recogniseSession(heading ?? '') ?? recogniseSessionInUrl(sourceUrl ?? '') ?? recogniseSessionInUrl(`/${options.fileName}`);
  const { people, problems } = new PeopleReader().read(lines);
  return {
    year: yearOf(heading, sourceUrl ?? options.fileName, lines),
    sessionId: session?.sessionId ?? null,
    title: heading ? cleanTitle(heading) : null,
    sessionType: session?.sessionType ?? null,
    sourceUrl,
    people,
    problems
  };
}

// ---------------------------------------------------------------- text and HTML

export function textLines(text: string): SourceLine[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map((raw, i) => ({ text: tidy(raw), line: i + 1 }));
}

const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'figcaption', 'footer', 'form', 'h1', 'h2', 'h3',
  'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'td', 'th', 'tr', 'ul'
]);
// Comments, invisible elements (with their content), tags (attribute values may hold ">"), text.
const HTML_TOKEN =
  /<!--[\s\S]*?(?:-->|$)|<(script|style|noscript|template|head)\b[\s\S]*?(?:<\/\1\s*>|$)|<(\/?)([a-zA-Z][\w:-]*)(?:[^>"']|"[^"]*"|'[^']*')*>|[^<]+|</g;

/**
 * The visible text of an HTML page as lines, each with the source line where
 * its text starts: block elements and <br> end a line, other tags vanish,
 * whitespace collapses as a browser shows it.
 */
export function htmlLines(html: string): SourceLine[] {
  const out: SourceLine[] = [];
  let current: SourceLine | null = null;
  let sourceLine = 1;
  let h1Depth = 0;
  // A list item keeps a bullet, as a browser shows it: the people reader treats bullets as entries.
  let bullet = false;
  for (const match of html.matchAll(HTML_TOKEN)) {
    const token = match[0];
    const [, , closing, tag] = match;
    if (tag !== undefined) {
      const name = tag.toLowerCase();
      if (name === 'h1') h1Depth = closing ? Math.max(0, h1Depth - 1) : h1Depth + 1;
      if (BLOCK_TAGS.has(name) && current) {
        out.push(current);
        current = null;
      }
      if (name === 'li') bullet = !closing;
    } else if (match[1] === undefined && !token.startsWith('<!--')) {
      const lead = token.match(/^\s*/)![0];
      const text = decodeEntities(token).replace(/\s+/g, ' ');
      if (text.trim() === '') {
        // Whitespace between inline elements still separates words: "<span>Six</span> <b>seven</b>".
        if (current) current.text += ' ';
      } else {
        if (!current) {
          current = { text: bullet ? '• ' : '', line: sourceLine + countNewlines(lead), isH1: h1Depth > 0 };
          bullet = false;
        }
        current.text += current.text.trim() === '' ? text.trimStart() : text;
      }
    }
    sourceLine += countNewlines(token);
  }
  if (current) out.push(current);
  return out.map((l) => ({ ...l, text: tidy(l.text) }));
}

function countNewlines(s: string): number {
  let n = 0;
  for (const ch of s) if (ch === '\n') n++;
  return n;
}

// Latin-1 named entities in code point order from U+00A0, as HTML 4 defines them.
const LATIN1_ENTITIES = (
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro ' +
  'para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil ' +
  'Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave ' +
  'Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml ' +
  'igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml'
).split(' ');
const NAMED_ENTITIES: Record<string, string> = {
  ...Object.fromEntries(LATIN1_ENTITIES.map((name, i) => [name, String.fromCodePoint(0xa0 + i)])),
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ndash: '–', mdash: '—', lsquo: '‘', rsquo: '’', sbquo: '‚',
  ldquo: '“', rdquo: '”', bdquo: '„', hellip: '…', bull: '•', euro: '€', trade: '™', OElig: 'Œ', oelig: 'œ',
  Scaron: 'Š', scaron: 'š', Zcaron: 'Ž', zcaron: 'ž', thinsp: ' ', ensp: ' ', emsp: ' ', zwnj: '', zwj: '', lrm: '', rlm: ''
};

export function decodeEntities(s: string): string {
  return s.replace(/&(#[xX][0-9a-fA-F]+|#\d+|[a-zA-Z][a-zA-Z0-9]*);/g, (whole, body: string) => {
    if (body.startsWith('#')) {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body] ?? whole;
  });
}

/** One line as a reader sees it: no-break and repeated spaces as one space, no emoji (a "🔒" before private data). */
function tidy(s: string): string {
  return s
    .replace(/[\p{Extended_Pictographic}\uFE0F\u200B-\u200D]/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function attribute(tag: string, name: string): string | null {
  const m = tag.match(new RegExp(`\\b${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i'));
  return m ? decodeEntities(m[2] ?? m[3] ?? m[4]).trim() : null;
}

function canonicalUrl(html: string): string | null {
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    if (/^canonical$/i.test(attribute(tag, 'rel') ?? '')) return attribute(tag, 'href');
  }
  return null;
}

function htmlTitle(html: string): string | null {
  const m = html.match(/<title\b[^>]*>([\s\S]*?)<\/title>/i);
  const title = m ? tidy(decodeEntities(m[1])) : '';
  // "IGF 2023 WS #293 … | Internet Governance Forum": the site name after the last bar goes.
  return title.replace(/\s+\|\s+[^|]*$/, '') || null;
}

function firstUrl(lines: SourceLine[]): string | null {
  for (const { text } of lines) {
    const m = text.match(/^https?:\/\/\S+$/);
    if (m) return m[0];
  }
  return null;
}

/** A .txt copy: the first line naming an IGF year or a session number, else the first line of words. */
function headingLine(lines: SourceLine[]): string | null {
  const candidates = lines.filter((l) => l.text !== '' && !/^https?:\/\//.test(l.text));
  const named =
    candidates.find((l) => /^IGF\s?20\d\d\b/i.test(l.text)) ?? candidates.find((l) => recogniseSession(l.text) !== null);
  return (named ?? candidates[0])?.text ?? null;
}

// ---------------------------------------------------------------- session identity

interface SessionKind {
  /** Finds the printed number in a title; group 1 the number. */
  pattern: RegExp;
  /** Finds it in an address slug ("/igf-2023-ws-293-…"). */
  slug: RegExp;
  id: (number: string, match: RegExpMatchArray) => string;
  type: string;
}

// Most specific first: "Day 0 Event #192" must not be read as something shorter.
const SESSION_KINDS: SessionKind[] = [
  {
    pattern: /\bLaunch\s*\/\s*Award\s+Event\s*#?\s*(\d+)/i,
    slug: /-launch-award-event-(\d+)(?:-|$)/,
    id: (n) => `Launch / Award Event #${n}`,
    // The shared speakers file files these under "other".
    type: 'other'
  },
  { pattern: /\bDay\s*0\s*Event\s*#?\s*(\d+)/i, slug: /-day-0-event-(\d+)(?:-|$)/, id: (n) => `Day 0 Event #${n}`, type: 'day_0' },
  // 2019 called the Day 0 events "Pre-Events".
  { pattern: /\bPre-?Event\s*#?\s*(\d+)/i, slug: /-pre-event-(\d+)(?:-|$)/, id: (n) => `Pre-Event #${n}`, type: 'day_0' },
  {
    pattern: /\bLightning\s+(?:Talk|Session)\s*#?\s*(\d+)/i,
    slug: /-lightning-(?:talk|session)-(\d+)(?:-|$)/,
    // 2018 printed "Lightning Session", later years "Lightning Talk": the id keeps the page's word.
    id: (n, m) => `Lightning ${/session/i.test(m[0]) ? 'Session' : 'Talk'} #${n}`,
    type: 'lightning_talk'
  },
  {
    pattern: /\bNetworking\s+Session\s*#?\s*(\d+)/i,
    slug: /-networking-session-(\d+)(?:-|$)/,
    id: (n) => `Networking Session #${n}`,
    type: 'networking'
  },
  { pattern: /\bTown\s*Hall\s*#?\s*(\d+)/i, slug: /-town-hall-(\d+)(?:-|$)/, id: (n) => `Town Hall #${n}`, type: 'town_hall' },
  {
    pattern: /\b(?:Open\s+Forum|OF)\s*#?\s*(\d+)/,
    slug: /-(?:open-forum|of)-(\d+)(?:-|$)/,
    id: (n) => `Open Forum #${n}`,
    type: 'open_forum'
  },
  // "WS #293", "WS #182&318", Sched's "WS12" and "(WS170)".
  { pattern: /\bWS\s?#\s?(\d+(?:\s?&\s?\d+)?)|\bWS(\d+)\b/, slug: /-ws-(\d+)(?:-|$)/, id: (n) => `WS #${n.replace(/\s/g, '')}`, type: 'workshop' }
];

export interface SessionIdentity {
  sessionId: string | null;
  sessionType: string | null;
  /** The printed id as it stands in the title, to cut from it. */
  printed: string | null;
}

/** The session's number and kind from its title; main sessions and Dynamic Coalitions have no number. */
export function recogniseSession(title: string): SessionIdentity | null {
  for (const kind of SESSION_KINDS) {
    const m = title.match(kind.pattern);
    if (m) return { sessionId: kind.id(m[1] ?? m[2], m), sessionType: kind.type, printed: m[0] };
  }
  if (/\bMain\s+Session\b/i.test(title)) return { sessionId: null, sessionType: 'main_session', printed: null };
  if (/\bDynamic\s+Coalitions?\b|\bDC\b/.test(title)) return { sessionId: null, sessionType: 'dc', printed: null };
  return null;
}

function recogniseSessionInUrl(url: string): SessionIdentity | null {
  const path = url.replace(/[?#].*$/, '').replace(/\.(?:txt|html?)$/i, '').toLowerCase();
  for (const kind of SESSION_KINDS) {
    const m = path.match(kind.slug);
    if (m) return { sessionId: kind.id(m[1], m), sessionType: kind.type, printed: null };
  }
  return null;
}

const MONTH = /\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/i;

/** From the title, else the address, else a dated line ("Monday, 9th November, 2020 (07:40 UTC)"), else Sched's banner. */
function yearOf(heading: string | null, url: string | null, lines: SourceLine[]): number | null {
  const fromTitle = heading?.match(/\bIGF\s?(20\d\d)\b/i);
  if (fromTitle) return Number(fromTitle[1]);
  const fromUrl = url?.match(/igf-?(20\d\d)(?!\d)/i);
  if (fromUrl) return Number(fromUrl[1]);
  const dated = lines.find((l) => MONTH.test(l.text) && /\b20\d\d\b/.test(l.text));
  if (dated) return Number(dated.text.match(/\b(20\d\d)\b/)![1]);
  const banner = lines.find((l) => /\bIGF\s?20\d\d\b/i.test(l.text));
  return banner ? Number(banner.text.match(/\bIGF\s?(20\d\d)\b/i)![1]) : null;
}

/** "IGF 2023 WS #293 Global Digital Compact…" -> "Global Digital Compact…"; Sched's "Title (WS12)" -> "Title". */
function cleanTitle(heading: string): string | null {
  let title = heading.replace(/^IGF\s?20\d\d\s*[:\-–—]?\s*/i, '');
  const printed = recogniseSession(title)?.printed;
  if (printed) {
    if (title.startsWith(printed)) title = title.slice(printed.length).replace(/^[\s:\-–—]+/, '');
    else title = title.replace(new RegExp(`\\s*\\(${escapeRegExp(printed)}\\)\\s*$`), '');
  }
  return title.trim() || null;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// ---------------------------------------------------------------- people

interface RoleLabel {
  role: PageRole;
  detail: string;
  /** A heading whose person stands on the same line or the next one (moderators, rapporteur). */
  single: boolean;
}

const LABELS: Record<string, RoleLabel> = {};
function label(keys: string[], role: PageRole, detail: string, single = false): void {
  for (const key of keys) LABELS[key] = { role, detail, single };
}
label(['speaker', 'speakers', 'panelist', 'panelists', 'panellist', 'panellists'], 'speaker', 'Speaker');
label(['additional speaker', 'additional speakers'], 'speaker', 'Additional Speaker');
label(
  ['organizer', 'organizers', 'organiser', 'organisers', 'co organizer', 'co organizers', 'co organiser', 'co organisers',
    'session organizers', 'session organisers', 'proposers name', 'co proposers name'],
  'organizer',
  'Organizer'
);
label(['onsite moderator', 'on site moderator', 'in person moderator'], 'moderator', 'Onsite Moderator', true);
label(['online moderator', 'remote moderator'], 'moderator', 'Online Moderator', true);
label(['moderator', 'moderators', 'co moderator'], 'moderator', 'Moderator', true);
label(['rapporteur', 'rapporteurs'], 'rapporteur', 'Rapporteur', true);

/** "Proposer's Organization:" completes the organizer named on the line before. */
const PROPOSER_ORGANIZATION = new Set(['proposers organization', 'proposers organisation', 'co proposers organization', 'co proposers organisation']);

/**
 * The form prints the onsite moderator, online moderator and rapporteur in
 * this order after the speakers; a copy that lost the headings keeps the order.
 */
const TEMPLATE_SLOTS: RoleLabel[] = [LABELS['onsite moderator'], LABELS['online moderator'], LABELS['rapporteur']];

/** "Speaker 1", "Organizer #2", "Proposer's Name" -> label key without the number. */
function labelKey(text: string): string {
  return regionalGroupKey(text.replace(/#?\s*\d+\s*$/, ''));
}

const BULLET = /^(?:[●•▪◦∙·*-]|\d{1,2}[.)])\s+/;
// Bullets that a saved page ran together on one line: "● A, … ● B, …" or "1. A, … 2. B, …".
const INLINE_BULLET = /\s+[●•▪◦∙]\s+|\s+(?=\d{1,2}\.\s+\p{Lu})/u;

class PeopleReader {
  private people: PagePerson[] = [];
  private problems: PageProblem[] = [];
  /** The list a heading opened ("Speakers", "Co-Organizers:"); plain lines below it are its entries. */
  private list: RoleLabel | null = null;
  /** A moderator or rapporteur heading waiting for its person. */
  private pending: RoleLabel | null = null;
  private listEntries = 0;
  private sawSpeakers = false;
  private nextSlot = 0;
  private slotsOpen = true;

  read(lines: SourceLine[]): { people: PagePerson[]; problems: PageProblem[] } {
    for (const source of lines) if (source.text !== '') this.readLine(source);
    if (this.pending) this.problems.push({ line: lines.at(-1)?.line ?? 1, reason: `"${this.pending.detail}" heading with no name after it` });
    return { people: mergeRepeats(this.people), problems: this.problems };
  }

  private readLine({ text, line }: SourceLine): void {
    const bullet = BULLET.test(text) || INLINE_BULLET.test(text);
    const labelled = bullet ? null : text.match(/^([^:]{2,40}?)\s*:\s*(.*)$/);
    const key = labelKey(labelled ? labelled[1] : text);
    const role = LABELS[key];
    if (labelled && PROPOSER_ORGANIZATION.has(key)) return this.completeProposer(labelled[2], line);
    if (role && (!labelled || labelled[2] === '')) return this.openHeading(role);
    if (role && labelled) {
      // "Speaker 1: …" lines each carry their label: they open no list for the plain lines below.
      this.pending = null;
      this.list = null;
      if (role.single) this.useSlot(role);
      return this.addEntries(labelled[2], line, role);
    }
    const endsSection = labelled !== null || isStopHeading(key);
    if (this.pending) {
      // An empty "Online Moderator:" field is followed by the next field, not by a person.
      const heading = this.pending;
      this.pending = null;
      if (!endsSection) return this.add(text, line, heading, false);
    }
    if (this.list && !endsSection && (bullet || this.isListEntry(text))) {
      this.listEntries++;
      return this.addEntries(text, line, this.list);
    }
    // A helper line right under a heading ("Propose speakers") does not end its list; later prose does.
    const helperLine = this.list !== null && this.listEntries === 0 && !endsSection;
    if (!helperLine) this.list = null;
    if (!looksLikeFormEntry(text)) {
      // Other content after the speakers ("Panel - 90 Min") ends the moderator slots of the form.
      if (this.sawSpeakers && !helperLine) this.slotsOpen = false;
      return;
    }
    if (this.sawSpeakers && this.slotsOpen && this.nextSlot < TEMPLATE_SLOTS.length) {
      this.list = null;
      return this.add(text, line, TEMPLATE_SLOTS[this.nextSlot++], true);
    }
    this.problems.push({ line, reason: 'looks like a person entry but stands under no Speaker, Organizer, Moderator or Rapporteur heading' });
  }

  private openHeading(role: RoleLabel): void {
    this.openList(role.single ? null : role);
    this.pending = role.single ? role : null;
    if (role.single) this.useSlot(role);
  }

  private openList(role: RoleLabel | null): void {
    this.list = role;
    this.listEntries = 0;
  }

  /** A heading seen for one of the form's slots: later unheaded entries fill the slots after it. */
  private useSlot(role: RoleLabel): void {
    const index = role.detail === 'Moderator' ? 0 : TEMPLATE_SLOTS.indexOf(role);
    if (index >= 0) this.nextSlot = Math.max(this.nextSlot, index + 1);
  }

  /**
   * Under a list heading, a plain line is an entry when it reads like one: a
   * few comma-separated parts, or a bare name. Speaker lists are bullets or
   * labelled lines, so a plain "Name, Stakeholder group, Regional group" line
   * after the speakers is the next moderator slot of a copy that lost its headings.
   */
  private isListEntry(text: string): boolean {
    if (this.list?.role === 'speaker' && this.sawSpeakers && looksLikeFormEntry(text)) return false;
    const parts = splitFields(text);
    return parts.length >= 2 ? parts.length <= 8 && !/[.?!]$/.test(text) : isBareName(text);
  }

  private addEntries(text: string, line: number, role: RoleLabel): void {
    for (const item of text.split(INLINE_BULLET)) this.add(item.replace(BULLET, ''), line, role, false);
  }

  private add(text: string, line: number, role: RoleLabel, fromOrder: boolean): void {
    const fields = readFields(text);
    if (!fields) {
      this.problems.push({ line, reason: `${role.detail} entry with no name, organisation, stakeholder group or regional group` });
      return;
    }
    if (role.role === 'speaker') this.sawSpeakers = true;
    this.people.push({ line, role: role.role, roleDetail: role.detail, ...fields, roleFromPageOrder: fromOrder });
  }

  private completeProposer(organization: string, line: number): void {
    const last = this.people.at(-1);
    const value = organization.trim();
    if (last && last.role === 'organizer' && last.organization === null && value !== '') last.organization = value;
    else if (value !== '') this.problems.push({ line, reason: 'proposer organisation with no proposer name before it' });
    // Sched prints the co-organizers right below, without a heading.
    this.openList(LABELS['co organizers']);
  }
}

/** Headings that end a list of people. */
const STOP_HEADINGS = new Set([
  'format', 'session format', 'policy question', 'policy questions', 'sdgs', 'targets', 'description', 'session description',
  'content of the session', 'expected outcomes', 'online participation', 'discussion facilitation', 'agenda', 'theme',
  'subtheme', 'time', 'room', 'session time', 'relevance to internet governance', 'relevance to theme', 'key takeaways',
  'report', 'organizations website', 'country', 'stakeholder group'
]);
function isStopHeading(key: string): boolean {
  return STOP_HEADINGS.has(key.replace(/\s*s$/, '')) || STOP_HEADINGS.has(key);
}

/** "Name, Stakeholder group, Regional group" as the form prints people: the last two parts are recognised. */
function looksLikeFormEntry(text: string): boolean {
  const fields = readFields(text.replace(BULLET, ''));
  return fields !== null && fields.stakeholderGroupRaw !== null && fields.regionalGroupRaw !== null;
}

const NAME_PARTICLES = new Set(['de', 'da', 'do', 'dos', 'das', 'del', 'della', 'di', 'du', 'la', 'le', 'van', 'von', 'der', 'den', 'bin', 'binti', 'al', 'el', 'y']);

/** Two to six capitalised words, no digits: "Neema Lugangira (MP)", "Urs de la Vega". */
function isBareName(text: string): boolean {
  const words = text.replace(/\([^)]*\)/g, ' ').trim().split(/\s+/);
  return (
    words.length >= 2 &&
    words.length <= 6 &&
    !/\d/.test(text) &&
    words.every((w) => /^[\p{Lu}][\p{L}'’.-]*$/u.test(w) || NAME_PARTICLES.has(w.toLowerCase()))
  );
}

// ---------------------------------------------------------------- one entry's fields

type PersonFields = Pick<PagePerson, 'name' | 'honorific' | 'organization' | 'stakeholderGroupRaw' | 'regionalGroupRaw'>;

const HONORIFIC = /^(?:Mr|Mrs|Ms|Miss|Mx|Mme|Dr|Prof|Professor|Hon|Honourable|Honorable|H\.?\s?E|Amb|Ambassador|Senator|Rev)\.?(?=[\s,]|$)/i;

/** Commas split an entry, except inside brackets: "Leader (Policy, Research)" is one part. */
function splitFields(text: string): string[] {
  const fields: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth = Math.max(0, depth - 1);
    if (ch === ',' && depth === 0) {
      fields.push(current);
      current = '';
    } else current += ch;
  }
  fields.push(current);
  return fields.map((f) => f.trim()).filter((f) => f !== '');
}

type FieldKind = 'stakeholder' | 'region' | 'both' | 'other';

const REGION_SPELLINGS = new Set(regionalGroupSpellings().map(([spelling]) => spelling));

function kindOf(field: string): FieldKind {
  const stakeholder = isStakeholderGroup(field);
  const { reason } = normaliseRegionalGroup(field);
  // A known spelling is a region; a looser match ("Africa (Nigeria)") is not when it
  // reads as an organisation's name ("Example University of Africa").
  const region =
    REGION_SPELLINGS.has(regionalGroupKey(field)) ||
    ((reason === 'matched' || reason === 'not_a_group') && !isOrganisationName(field));
  if (stakeholder && region) return 'both';
  return stakeholder ? 'stakeholder' : region ? 'region' : 'other';
}

/**
 * Name first; then the organisation, stakeholder group and regional group in
 * whatever order the page used, told apart by recognising the last two.
 * Null when the entry holds nothing.
 */
export function readFields(entry: string): PersonFields | null {
  // E-mail addresses (and Cloudflare's "[email protected]" stand-in) are never kept.
  const text = entry.replace(/\[email\s*protected\]|\S+@\S+\.\S+/gi, '');
  let fields = splitFields(text).map((f) => f.replace(/^(?:stakeholder group|stakeholder|regional group|region)\s*:\s*/i, ''));
  let honorific: string | null = null;
  if (fields.length > 0 && HONORIFIC.test(fields[0]) && fields[0].replace(HONORIFIC, '').trim() === '') {
    honorific = fields[0];
    fields = fields.slice(1);
    // Sched's co-organizer lines: "Mr,Francois,GREY,Academia,University of Geneva".
    if (fields.length >= 3 && !/\s/.test(fields[0]) && !/\s/.test(fields[1]) && kindOf(fields[2]) !== 'other') {
      fields = [`${fields[0]} ${fields[1]}`, ...fields.slice(2)];
    }
  }
  if (fields.length === 0) return null;

  // "Fuatai Example: - Chief Executive Officer, …": a colon ends the name.
  const [first, ...rest] = fields[0].split(/\s*:\s*[-–—]?\s*/);
  if (rest.length > 0 && rest.join(':').trim() !== '') fields = [first, rest.join(': '), ...fields.slice(1)];

  const kinds = fields.map(kindOf);
  let name: string | null = null;
  if (kinds[0] === 'other') {
    name = fields[0];
    const title = name.match(new RegExp(`^(?:${HONORIFIC.source.slice(1)}\\s*,?\\s*)+`, 'i'));
    if (title && title[0].trim() !== name) {
      honorific = [honorific, title[0].replace(/[\s,]+$/, '')].filter(Boolean).join(' ');
      name = name.slice(title[0].length).trim();
    }
  }
  const start = name === null ? 0 : 1;

  // The regional group is the last part that names one; one that is also a
  // stakeholder group ("Intergovernmental Organization") is the region only
  // when a stakeholder group stands before it.
  let region = -1;
  for (let i = fields.length - 1; i >= start && region < 0; i--) {
    if (kinds[i] === 'region') region = i;
  }
  if (region < 0) {
    for (let i = fields.length - 1; i >= start && region < 0; i--) {
      if (kinds[i] === 'both' && kinds.slice(start, i).some((k) => k === 'stakeholder' || k === 'both')) region = i;
    }
  }
  const stakeholder: string[] = [];
  const organization: string[] = [];
  for (let i = start; i < fields.length; i++) {
    if (i === region) continue;
    if (kinds[i] === 'stakeholder' || kinds[i] === 'both') stakeholder.push(fields[i]);
    else organization.push(fields[i]);
  }
  // A lone organizer given by affiliation: "● Example Parliamentary Network (EPN)".
  if (name !== null && honorific === null && fields.length === 1 && isOrganisationName(name)) {
    organization.push(name);
    name = null;
  }
  const result: PersonFields = {
    name,
    honorific,
    organization: organization.join(', ') || null,
    stakeholderGroupRaw: stakeholder.join(', ') || null,
    regionalGroupRaw: region >= 0 ? fields[region] : null
  };
  return result.name || result.organization || result.stakeholderGroupRaw || result.regionalGroupRaw ? result : null;
}

const ORGANISATION_WORDS =
  /\b(?:network|institute|institution|association|university|foundation|society|ministry|council|commission|cent(?:re|er)|agency|forum|coalition|initiative|organi[sz]ation|union|alliance|company|bank|lab|school|office|department|secretariat|chamber|federation|trust|program(?:me)?|project|platform|partnership|campaign|committee|authority|corporation|inc|ltd|gmbh)\b/i;

function isOrganisationName(text: string): boolean {
  return ORGANISATION_WORDS.test(text) || /\([\p{Lu}\d&-]{3,}\)\s*$/u.test(text);
}

// ---------------------------------------------------------------- stakeholder groups

/** The groups' own names and abbreviations (records/synonyms.ts), each a word a page may use for a group. */
const STAKEHOLDER_WORDS = Object.values(STAKEHOLDER_GROUP_NAMES).flat();

/**
 * "Civil Society", "civil socity", "Governement", "CSO", "Academia and Civil
 * Society": every part a stakeholder group, allowing a typo in the longer words.
 */
export function isStakeholderGroup(field: string): boolean {
  const parts = regionalGroupKey(field).split(' and ');
  return parts.length > 0 && parts.every((part) => part !== '' && STAKEHOLDER_WORDS.some((word) => closeEnough(part, word)));
}

function closeEnough(part: string, word: string): boolean {
  if (part === word) return true;
  const allowed = word.length >= 10 ? 2 : word.length >= 6 ? 1 : 0;
  return allowed > 0 && Math.abs(part.length - word.length) <= allowed && editDistance(part, word, { swaps: true }) <= allowed;
}

/**
 * The same person under the same label twice (Sched lists a proposer both as
 * "Proposer's Name" and among the co-organizers): one entry, gaps filled.
 */
function mergeRepeats(people: PagePerson[]): PagePerson[] {
  const kept = new Map<string, PagePerson>();
  const out: PagePerson[] = [];
  for (const person of people) {
    if (person.name === null) {
      out.push(person);
      continue;
    }
    const key = `${person.roleDetail}|${regionalGroupKey(person.name)}`;
    const earlier = kept.get(key);
    if (!earlier) {
      kept.set(key, person);
      out.push(person);
      continue;
    }
    earlier.honorific ??= person.honorific;
    earlier.organization ??= person.organization;
    earlier.stakeholderGroupRaw ??= person.stakeholderGroupRaw;
    earlier.regionalGroupRaw ??= person.regionalGroupRaw;
  }
  return out;
}
