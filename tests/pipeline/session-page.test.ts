import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  decodeEntities,
  htmlLines,
  isStakeholderGroup,
  parseSessionPage,
  readFields,
  recogniseSession,
  type PagePerson,
  type ParsedSessionPage
} from '../../pipelines/files/session-page.ts';

/** Every fixture is invented (names included) in the shape of a real IGF page. */
function parseFixture(fileName: string): ParsedSessionPage {
  const text = readFileSync(new URL(`./fixtures/session-pages/${fileName}`, import.meta.url), 'utf8');
  return parseSessionPage(text, { fileName, isHtml: fileName.endsWith('.html') });
}

type Detail = 'Speaker' | 'Additional Speaker' | 'Organizer' | 'Onsite Moderator' | 'Online Moderator' | 'Moderator' | 'Rapporteur';
const ROLE_OF: Record<Detail, PagePerson['role']> = {
  Speaker: 'speaker',
  'Additional Speaker': 'speaker',
  Organizer: 'organizer',
  'Onsite Moderator': 'moderator',
  'Online Moderator': 'moderator',
  Moderator: 'moderator',
  Rapporteur: 'rapporteur'
};

/** One expected person: [line, label, name, organisation, stakeholder group, regional group], plus what differs from the usual. */
function person(
  line: number,
  roleDetail: Detail,
  name: string | null,
  organization: string | null = null,
  stakeholderGroupRaw: string | null = null,
  regionalGroupRaw: string | null = null,
  extra: Partial<PagePerson> = {}
): PagePerson {
  return {
    line, role: ROLE_OF[roleDetail], roleDetail, name, honorific: null, organization, stakeholderGroupRaw, regionalGroupRaw,
    roleFromPageOrder: false, ...extra
  };
}

describe('a saved HTML workshop page with "Speaker N:" lines', () => {
  const page = parseFixture('ws-2023-speaker-lines.html');

  it('reads the session from the <h1>, the canonical link and the title', () => {
    expect(page).toMatchObject({
      year: 2023,
      sessionId: 'WS #412',
      sessionType: 'workshop',
      title: 'Community Networks & Local Content',
      sourceUrl: 'https://www.intgovforum.org/en/content/igf-2023-ws-412-community-networks-local-content'
    });
  });

  it('reads every person with the HTML line where the entry starts, entities decoded and the lock emoji gone', () => {
    expect(page.people).toEqual([
      person(18, 'Organizer', 'Amara Okonkwo-Bell', 'Example Network Foundation'),
      person(19, 'Organizer', 'Tomás Q. Varga', 'Fictional Digital Institute'),
      // "…of the Pacific" inside an organisation's name is no regional group.
      person(20, 'Organizer', 'Lin Hsiao-Wen', 'Imaginary University of the Pacific'),
      person(24, 'Speaker', 'Amara Okonkwo-Bell', null, 'Civil Society', 'African Group'),
      person(25, 'Speaker', 'Seán O’Ríordáin', null, 'Technical Community', 'Western European and Others Group (WEOG)'),
      person(26, 'Speaker', 'Lin Hsiao-Wen', null, 'Civil Socity', 'Asia-Pacific Group'),
      person(27, 'Speaker', 'Paola Ferreira-Quispe', null, 'Government', 'Latin American and Caribbean Group (GRULAC'),
      person(28, 'Speaker', 'Example Person Intergov', null, 'Intergovernmental Organization', 'Intergovernmental Organization'),
      person(29, 'Speaker', 'Dmitri Avdeenko-Sample', null, 'Private Sector', 'Eastern European Group'),
      person(32, 'Onsite Moderator', 'Tomás Q. Varga', null, 'Civil Society', 'Latin American and Caribbean Group (GRULAC)'),
      person(34, 'Online Moderator', 'Lin Hsiao-Wen', null, 'Civil Society', 'Asia-Pacific Group'),
      person(36, 'Rapporteur', 'Kofi Example-Mensah', null, 'Academia', 'African Group')
    ]);
  });

  it('reports the empty "Organizer 4: ," and ignores script and comment text', () => {
    expect(page.problems).toEqual([{ line: 21, reason: 'Organizer entry with no name, organisation, stakeholder group or regional group' }]);
  });
});

describe('a Day 0 page copied from a browser, with bullet lists', () => {
  const page = parseFixture('day0-2024-bullets.txt');

  it('takes the address from the first line and the title from the "IGF 2024" line', () => {
    expect(page).toMatchObject({
      year: 2024,
      sessionId: 'Day 0 Event #87',
      sessionType: 'day_0',
      title: 'Youth Voices in Example Policy',
      sourceUrl: 'https://intgovforum.org/en/content/igf-2024-day-0-event-87-youth-voices-in-example-policy',
      problems: []
    });
  });

  it('reads bullets (also run together on one line), drops the e-mail, and the headings with their names', () => {
    expect(page.people).toEqual([
      person(13, 'Organizer', null, 'Example Youth Alliance for Internet Governance (EYAIG)'),
      person(14, 'Organizer', 'Wanjiru Example-Kamau (MP)', 'EYAIG', 'Government', 'African', { honorific: 'Hon.' }),
      person(15, 'Organizer', 'Rafael Ortiz-Sample', 'Youth Example Group', 'Technical community', 'GRULAC'),
      person(16, 'Organizer', 'Anneke de Vries-Voorbeeld', 'Example Standards Council', 'Civil Society', 'WEOG'),
      person(20, 'Speaker', 'Mei-Ling Sample', 'Example Research Centre', 'Academia', 'Asia Pacific'),
      person(20, 'Speaker', 'Jonas Beispiel', 'Example Media Lab', null, 'Western European and Others (WEOG)'),
      person(20, 'Speaker', 'Ayesha Placeholder', 'Example Rights Watch', 'CSO'),
      person(20, 'Speaker', 'Oleksandr Zrazok', null, 'Governement', 'Eastern Europe'),
      person(24, 'Onsite Moderator', 'Wanjiru Example-Kamau (MP)', null, null, null, { honorific: 'Hon.' }),
      person(26, 'Online Moderator', 'Rafael Ortiz-Sample'),
      person(30, 'Rapporteur', 'Anneke de Vries-Voorbeeld')
    ]);
    expect(JSON.stringify(page)).not.toMatch(/@|email/i);
  });
});

describe('a 2020 page whose organizers are listed by stakeholder and regional group only', () => {
  const page = parseFixture('ws-2020-organizer-lines.txt');

  it('recognises "OF #12" as an open forum', () => {
    expect(page).toMatchObject({ year: 2020, sessionId: 'Open Forum #12', sessionType: 'open_forum', title: 'Example Data for Development' });
  });

  it('reads organizers without a name, additional speakers and the moderator headings', () => {
    expect(page.people).toEqual([
      person(9, 'Organizer', null, null, 'Intergovernmental Organization', 'African Group'),
      person(10, 'Organizer', null, null, 'Civil Society', 'Asia-Pacific Group'),
      person(12, 'Organizer', null, null, 'Technical Community', 'Intergovernmental Organization'),
      person(13, 'Organizer', null, null, 'Intergovernmental Organization', 'Intergovernmental Organization'),
      person(15, 'Speaker', 'Salote Example-Fifita', null, 'Civil Society', 'Asia-Pacific Group'),
      person(16, 'Speaker', 'Rania Example-Haddad'),
      person(17, 'Speaker', 'Bruno Exemplo', null, 'Civil Solciety', 'Latin American and Caribbean Group (GRULAC)'),
      person(23, 'Additional Speaker', 'Tavita Sample-Leota', 'Chief Executive Officer, Office of the Example Regulator, Government of Samoa'),
      person(24, 'Additional Speaker', 'Nadia Beispiel', 'Executive Director, Example Open Data Institute, Montreal, Canada', null, null, { honorific: 'Dr.' }),
      person(25, 'Additional Speaker', 'Kwesi Example-Boateng', 'Member of Parliament, Ghana', null, null, { honorific: 'Hon.' }),
      person(29, 'Moderator', 'Bruno Exemplo', null, 'Civil Society', 'Latin American and Caribbean Group (GRULAC)'),
      person(33, 'Online Moderator', 'Salote Example-Fifita', null, 'Civil Society', 'Asia-Pacific Group'),
      person(37, 'Rapporteur', 'Nia Placeholder', null, 'Government', 'African Group')
    ]);
    expect(page.problems).toEqual([{ line: 11, reason: 'Organizer entry with no name, organisation, stakeholder group or regional group' }]);
  });
});

describe('a main session without a number', () => {
  const page = parseFixture('main-session-2023.html');

  it('has no session id: the caller keys it by title', () => {
    expect(page).toMatchObject({
      year: 2023,
      sessionId: null,
      sessionType: 'main_session',
      title: 'Main Session on Example Futures',
      sourceUrl: 'https://www.intgovforum.org/en/content/igf-2023-main-session-on-example-futures',
      problems: []
    });
  });

  it('reads <li> items as speakers and names under headings; prose mentioning a person is not an entry', () => {
    expect(page.people).toEqual([
      person(11, 'Speaker', 'Ana-Lucía Ejemplo', 'Example Telecom Regulator', 'Government', 'GRULAC'),
      person(12, 'Speaker', 'Samuel Sample', 'Example Cloud Company', 'Private Sector', 'Global'),
      person(13, 'Speaker', 'Priya Placeholder', 'Example Policy Forum', 'Civil Society', 'Intergovernmental Organization'),
      person(14, 'Speaker', 'Hannah Muster', 'Example Academy (Policy, Research)', 'Academia', 'Western European and Others Group (WEOG)'),
      person(17, 'Moderator', 'Jean-Baptiste Exemple', 'Example Broadcasting Union'),
      person(20, 'Rapporteur', 'Fatou Example-Diallo')
    ]);
  });
});

describe('a copy that lost some moderator and rapporteur headings', () => {
  const page = parseFixture('ws-2022-headings-missing.txt');

  it('fills the form order (onsite moderator, online moderator, rapporteur) around the heading that remains, and says so', () => {
    expect(page.people).toEqual([
      person(6, 'Organizer', 'Leonie Example', 'Example University'),
      person(7, 'Organizer', 'Kwame Sample-Asante', 'Example University, Ghana'),
      person(9, 'Speaker', 'Leonie Example', null, 'Civil Society', 'Western European and Others Group (WEOG)'),
      person(10, 'Speaker', 'Ivo Primjer', null, 'Intergovernmental Organization', 'Intergovernmental Organization'),
      person(11, 'Speaker', 'Kwame Sample-Asante', null, 'Technical Community', 'African Group'),
      person(15, 'Additional Speaker', 'Ama Placeholder', 'Senior Lecturer at Example University of Education, Winneba, Ghana', null, null, {
        honorific: 'Dr.'
      }),
      person(18, 'Onsite Moderator', 'Efua Sample', null, 'Civil Society', 'African Group', { roleFromPageOrder: true }),
      person(22, 'Online Moderator', 'Thandi Example-Dlamini', null, 'Civil Society', 'African Group'),
      person(25, 'Rapporteur', 'Tariq Placeholder', null, 'Civil Society', 'Asia-Pacific Group', { roleFromPageOrder: true })
    ]);
  });

  it('reports a person-like line under no heading once the slots are used', () => {
    expect(page.problems).toEqual([
      { line: 32, reason: 'looks like a person entry but stands under no Speaker, Organizer, Moderator or Rapporteur heading' }
    ]);
  });
});

describe('a 2017 Sched event page', () => {
  const page = parseFixture('sched-2017-event.txt');

  it('reads "(WS77)" after the title and the year from the Sched address', () => {
    expect(page).toMatchObject({
      year: 2017,
      sessionId: 'WS #77',
      sessionType: 'workshop',
      title: 'Example Ethics in Automated Systems',
      sourceUrl: 'https://igf2017.sched.com/event/XyZ1',
      problems: []
    });
  });

  it('reads proposers and co-organizers (one entry per person) and the "Speaker:" lines', () => {
    expect(page.people).toEqual([
      person(10, 'Organizer', 'Wei Example', 'Example Media Group', 'Private Sector', null, { honorific: 'Ms.' }),
      person(12, 'Organizer', 'Lukas Beispiel', 'University of Exampleton', null, null, { honorific: 'Mr.' }),
      person(15, 'Organizer', 'Jakub PRZYKLAD', 'University of Sampleburg', 'Academia', null, { honorific: 'Mr' }),
      person(16, 'Organizer', 'Aiko Rei', 'Example Academy of ICT', 'Technical community', null, { honorific: 'Ms.' }),
      person(23, 'Speaker', 'Piet Voorbeeld', 'Government of Exampleland', null, null, { honorific: 'Ambassador' }),
      person(24, 'Speaker', 'Chloe Sample'),
      person(25, 'Speaker', 'Lukas Beispiel'),
      person(27, 'Moderator', 'Ines Exemplo', 'Research Associate, Example Foundation'),
      person(28, 'Online Moderator', 'Aiko Rei')
    ]);
  });
});

describe('recogniseSession()', () => {
  it.each([
    ['IGF 2023 WS #293 Example', 'WS #293', 'workshop'],
    ['IGF 2020 WS #182&318 Example', 'WS #182&318', 'workshop'],
    ['Example title (WS12)', 'WS #12', 'workshop'],
    ['WS170: Example title', 'WS #170', 'workshop'],
    ['IGF 2022 Open Forum #66 Example', 'Open Forum #66', 'open_forum'],
    ['IGF 2023 Day 0 Event #192 Example', 'Day 0 Event #192', 'day_0'],
    ['IGF 2019 Pre-Event #43: Example', 'Pre-Event #43', 'day_0'],
    ['IGF 2024 Lightning Talk #22 Example', 'Lightning Talk #22', 'lightning_talk'],
    ['IGF 2018 LIGHTNING SESSION #12 Example', 'Lightning Session #12', 'lightning_talk'],
    ['IGF 2023 Networking Session #65 Example', 'Networking Session #65', 'networking'],
    ['IGF 2023 Town Hall #12 Example', 'Town Hall #12', 'town_hall'],
    ['IGF 2024 Launch / Award Event #145 Example', 'Launch / Award Event #145', 'other'],
    ['IGF 2023 Main Session on Example', null, 'main_session'],
    ['IGF 2018 DC on Example and Disability', null, 'dc'],
    ['Example (Dynamic Coalition on Example)', null, 'dc']
  ])('%j -> %s', (title, sessionId, sessionType) => {
    expect(recogniseSession(title)).toMatchObject({ sessionId, sessionType });
  });

  it('a session that is none of these is not guessed', () => {
    expect(recogniseSession('IGF 2023 High-Level Example Leaders Track')).toBeNull();
  });

  it('falls back to the address, then the file name, when the title has no number, and to a dated line for the year', () => {
    const text = 'https://intgovforum.org/en/content/igf-2023-networking-session-34-example\nExample Metaverse Gathering\n';
    expect(parseSessionPage(text, { fileName: 'a.txt', isHtml: false })).toMatchObject({
      year: 2023, sessionId: 'Networking Session #34', sessionType: 'networking', title: 'Example Metaverse Gathering'
    });
    const named = parseSessionPage('Example Refugee Rights Online\n', { fileName: 'igf-2018-ws-346-example-refugee-rights.txt', isHtml: false });
    expect(named).toMatchObject({ year: 2018, sessionId: 'WS #346', sessionType: 'workshop', sourceUrl: null });
    const dated = 'Example Session Without Address\nTuesday, 10th October, 2023 (01:15 UTC)\n';
    expect(parseSessionPage(dated, { fileName: 'b.txt', isHtml: false })).toMatchObject({ year: 2023, sessionId: null, sourceUrl: null });
  });
});

describe('readFields()', () => {
  it.each<[string, ReturnType<typeof readFields>]>([
    // An organisation that names a place, then the real regional group.
    ['Tayo Example, Example Search Sub-Saharan Africa, Technical Community, Africa (Nigeria)', {
      name: 'Tayo Example', honorific: null, organization: 'Example Search Sub-Saharan Africa', stakeholderGroupRaw: 'Technical Community', regionalGroupRaw: 'Africa (Nigeria)'
    }],
    ['Juma Example, Collaboration on Example Policies for East and Southern Africa (CEPESA)', {
      name: 'Juma Example', honorific: null, organization: 'Collaboration on Example Policies for East and Southern Africa (CEPESA)', stakeholderGroupRaw: null, regionalGroupRaw: null
    }],
    // Stakeholder groups given as a list, the organisation after them, the e-mail dropped.
    ['Rosa Ejemplo, rosa@example.org, Academia, Civil Society, Private Sector, Example University, Example Chamber - EC', {
      name: 'Rosa Ejemplo', honorific: null, organization: 'Example University, Example Chamber - EC', stakeholderGroupRaw: 'Academia, Civil Society, Private Sector', regionalGroupRaw: null
    }],
    ['Dana Sample, Example Institute, stakeholder group: academia, Eastern Europe, [email protected]', {
      name: 'Dana Sample', honorific: null, organization: 'Example Institute', stakeholderGroupRaw: 'academia', regionalGroupRaw: 'Eastern Europe'
    }],
    ['Hon, Amina Example (MP), Example Network, Government, African', {
      name: 'Amina Example (MP)', honorific: 'Hon', organization: 'Example Network', stakeholderGroupRaw: 'Government', regionalGroupRaw: 'African'
    }],
    ['Kojo Sample, Example Alliance, Academia and Civil Society, LAC region', {
      name: 'Kojo Sample', honorific: null, organization: 'Example Alliance', stakeholderGroupRaw: 'Academia and Civil Society', regionalGroupRaw: 'LAC region'
    }],
    ['Eli Example, Example Institute, Africa, WOEG', {
      name: 'Eli Example', honorific: null, organization: 'Example Institute, Africa', stakeholderGroupRaw: null, regionalGroupRaw: 'WOEG'
    }],
    [' , ', null]
  ])('%j', (entry, expected) => {
    expect(readFields(entry)).toEqual(expected);
  });

  it('recognises stakeholder groups in any spelling, and nothing else', () => {
    for (const s of ['Civil Socity', 'Civil Solciety', 'Governement', 'CSO', 'IGO', 'Inter-governmental Organization', 'technical community', 'Academia & Civil Society']) {
      expect(isStakeholderGroup(s), s).toBe(true);
    }
    for (const s of ['Government of Exampleland', 'Legal', 'Example University', 'Latin American and Caribbean']) {
      expect(isStakeholderGroup(s), s).toBe(false);
    }
  });
});

describe('HTML to text', () => {
  it('decodes named and numeric entities', () => {
    expect(decodeEntities('Caf&eacute; &amp; O&#39;Brien&#8217;s &#x2014; d&rsquo;Ivoire&nbsp;&unknown;')).toBe('Café & O\'Brien’s — d’Ivoire\u00a0&unknown;');
  });

  it('breaks lines at blocks and <br>, keeps the source line of each, and bullets list items', () => {
    const html = '<div>\n<p>One\n two<br>Three</p><ul>\n<li>Four</li></ul><h2>Five</h2>\n<span>Six</span> <b>seven</b>';
    expect(htmlLines(html)).toEqual([
      { text: 'One two', line: 2, isH1: false },
      { text: 'Three', line: 3, isH1: false },
      { text: '• Four', line: 4, isH1: false },
      { text: 'Five', line: 4, isH1: false },
      { text: 'Six seven', line: 5, isH1: false }
    ]);
  });
});
