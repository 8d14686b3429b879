/**
 * Word lists for the synthetic demo data: session types by era, themes by era,
 * title templates, fake person names and fictional organisations. Person
 * surnames and organisation names are assembled from invented syllables so
 * that they look real without belonging to anybody.
 */
import type { Random } from './random';
import type { Stakeholder } from './calibration';
import type { UnGroup } from './reference';

// ---------------------------------------------------------------- sessions

export const SESSION_TYPES = [
  'Main Session',
  'Workshop',
  'Open Forum',
  'Dynamic Coalition',
  'Best Practice Forum',
  'Lightning Talk',
  'Networking Session',
  'Day 0 Event',
  'Town Hall'
] as const;
export type SessionType = (typeof SESSION_TYPES)[number];

export const SESSION_CODES: Record<SessionType, string> = {
  'Main Session': 'MS',
  Workshop: 'WS',
  'Open Forum': 'OF',
  'Dynamic Coalition': 'DC',
  'Best Practice Forum': 'BPF',
  'Lightning Talk': 'LT',
  'Networking Session': 'NS',
  'Day 0 Event': 'D0',
  'Town Hall': 'TH'
};

/** Session type mix by year (fewer formats in the early years). */
export function sessionTypeMix(year: number): Partial<Record<SessionType, number>> {
  if (year === 2006) return { 'Main Session': 0.2, Workshop: 0.55, 'Best Practice Forum': 0.25 };
  if (year <= 2009)
    return { 'Main Session': 0.1, Workshop: 0.55, 'Best Practice Forum': 0.12, 'Open Forum': 0.13, 'Dynamic Coalition': 0.1 };
  if (year <= 2015)
    return {
      'Main Session': 0.07, Workshop: 0.55, 'Best Practice Forum': 0.08, 'Open Forum': 0.14, 'Dynamic Coalition': 0.1,
      'Day 0 Event': 0.06
    };
  if (year <= 2018)
    return {
      'Main Session': 0.05, Workshop: 0.42, 'Best Practice Forum': 0.05, 'Open Forum': 0.17, 'Dynamic Coalition': 0.08,
      'Day 0 Event': 0.12, 'Lightning Talk': 0.11
    };
  if (year === 2019)
    return {
      'Main Session': 0.04, Workshop: 0.38, 'Best Practice Forum': 0.04, 'Open Forum': 0.16, 'Dynamic Coalition': 0.08,
      'Day 0 Event': 0.12, 'Lightning Talk': 0.1, 'Networking Session': 0.08
    };
  if (year === 2020)
    return {
      'Main Session': 0.06, Workshop: 0.4, 'Best Practice Forum': 0.05, 'Open Forum': 0.18, 'Dynamic Coalition': 0.09,
      'Lightning Talk': 0.12, 'Networking Session': 0.1
    };
  return {
    'Main Session': 0.04, Workshop: 0.3, 'Best Practice Forum': 0.03, 'Open Forum': 0.15, 'Dynamic Coalition': 0.07,
    'Day 0 Event': 0.12, 'Lightning Talk': 0.1, 'Networking Session': 0.12, 'Town Hall': 0.07
  };
}

/** People per session (organizer, moderator, speakers, rapporteur), min–max. */
export const SESSION_SIZE: Record<SessionType, [number, number]> = {
  'Main Session': [6, 8],
  Workshop: [4, 7],
  'Open Forum': [3, 6],
  'Dynamic Coalition': [3, 6],
  'Best Practice Forum': [3, 6],
  'Lightning Talk': [2, 2],
  'Networking Session': [2, 4],
  'Day 0 Event': [3, 6],
  'Town Hall': [3, 6]
};

/** Relative room size per type (attendance per session). */
export const SESSION_PULL: Record<SessionType, number> = {
  'Main Session': 3,
  Workshop: 1,
  'Open Forum': 0.8,
  'Dynamic Coalition': 0.6,
  'Best Practice Forum': 0.7,
  'Lightning Talk': 0.5,
  'Networking Session': 0.45,
  'Day 0 Event': 0.7,
  'Town Hall': 0.9
};

export function themesFor(year: number): readonly string[] {
  if (year <= 2010)
    return [
      'Openness', 'Security', 'Diversity', 'Access', 'Critical Internet Resources', 'Emerging Issues',
      'Internet Governance for Development', 'Taking Stock and the Way Forward'
    ];
  if (year <= 2015)
    return [
      'Internet Governance for Development', 'Managing Critical Internet Resources', 'Security, Openness and Privacy',
      'Access and Diversity', 'Internet and Human Rights', 'Enhancing Multistakeholder Cooperation', 'Emerging Issues',
      'Internet Economy and Sustainable Development'
    ];
  if (year <= 2019)
    return [
      'Access and Inclusion', 'Sustainable Development and the Internet Economy', 'Human Rights Online', 'Gender and Youth',
      'Cybersecurity, Trust and Privacy', 'Critical Internet Resources', 'Emerging Technologies', 'Data Governance',
      'Security, Safety, Stability and Resilience'
    ];
  if (year <= 2022)
    return [
      'Data', 'Environment', 'Inclusion', 'Trust', 'Economic and Social Inclusion and Human Rights',
      'Universal Access and Meaningful Connectivity', 'Emerging Regulation', 'Avoiding Internet Fragmentation',
      'Governing Data and Protecting Privacy', 'Addressing Advanced Technologies, including AI'
    ];
  return [
    'AI and Emerging Technologies', 'Avoiding Internet Fragmentation', 'Cybersecurity, Cybercrime and Online Safety',
    'Data Governance and Trust', 'Digital Divides and Inclusion', 'Global Digital Governance and Cooperation',
    'Human Rights and Freedoms', 'Sustainability and Environment', ...(year >= 2025 ? ['WSIS+20 and the Future of the IGF'] : [])
  ];
}

const TOPICS_BY_THEME_WORD: Array<[RegExp, string[]]> = [
  [/access|inclusion|divide|connectivity/i, ['community networks', 'affordable broadband', 'the gender digital divide', 'digital literacy', 'multilingual content', 'accessibility for persons with disabilities', 'rural connectivity', 'public access in libraries']],
  [/security|cyber|safety|trust|stability/i, ['cybersecurity capacity building', 'child online protection', 'spam and malware', 'norms for responsible state behaviour', 'incident response teams', 'online harms', 'encryption', 'DNS abuse']],
  [/human rights|openness|freedom/i, ['freedom of expression online', 'privacy by design', 'internet shutdowns', 'content moderation', 'digital rights of women', 'surveillance and accountability', 'online anonymity']],
  [/critical internet resources|fragmentation|governance|cooperation|multistakeholder|stock|wsis/i, ['IPv6 deployment', 'IANA stewardship', 'internationalised domain names', 'the multistakeholder model', 'national and regional IGFs', 'interoperability and fragmentation', 'the Global Digital Compact', 'WSIS outcomes']],
  [/data|privacy/i, ['cross-border data flows', 'data protection frameworks', 'open government data', 'data for development', 'health data', 'data localisation']],
  [/emerging|technolog|ai|regulation/i, ['artificial intelligence', 'the Internet of Things', 'blockchain', 'algorithmic accountability', 'generative AI', 'platform regulation', 'cloud computing']],
  [/development|economy|sustainab|environment/i, ['e-commerce for small businesses', 'digital public infrastructure', 'the environmental footprint of the internet', 'digital jobs', 'mobile money', 'ICT for the SDGs', 'e-waste']],
  [/diversity|gender|youth/i, ['youth participation', 'women in tech leadership', 'local content', 'indigenous languages online', 'newcomers to internet governance']]
];

const PLACES = ['Africa', 'Latin America', 'Asia-Pacific', 'Small Island States', 'the Global South', 'Least Developed Countries', 'Eastern Europe', 'the Arab Region', 'Europe'];
const ANGLES = ['Challenges and Opportunities', 'Lessons Learned', 'The Way Forward', 'Building Capacity', 'Policy Options', 'Whose Rules?', 'From Principles to Practice', 'A Multistakeholder Approach'];
const DC_TOPICS = ['Internet Rights and Principles', 'Child Online Safety', 'Accessibility and Disability', 'Gender and Internet Governance', 'Core Internet Values', 'Public Access in Libraries', 'Community Connectivity', 'Internet of Things', 'Small Island Developing States', 'Net Neutrality', 'Internet Standards, Security and Safety', 'Data and Trust'];
const BPF_TOPICS = ['Cybersecurity', 'Gender and Access', 'IXPs', 'Spam', 'Local Content', 'Connecting the Next Billion', 'IPv6', 'Data and New Technologies', 'Internet Fragmentation', 'Strengthening Multistakeholder Processes'];

export function topicFor(theme: string, rng: Random): string {
  const hits = TOPICS_BY_THEME_WORD.filter(([re]) => re.test(theme));
  const pool = hits.length ? hits[rng.int(hits.length)][1] : TOPICS_BY_THEME_WORD[rng.int(TOPICS_BY_THEME_WORD.length)][1];
  return rng.pick(pool);
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function sessionTitle(type: SessionType, theme: string, hostName: string, rng: Random): string {
  const topic = topicFor(theme, rng);
  switch (type) {
    case 'Main Session':
      return rng.chance(0.5) ? `Main Session on ${theme}` : `${theme}: ${rng.pick(ANGLES)}`;
    case 'Dynamic Coalition':
      return `Dynamic Coalition on ${rng.pick(DC_TOPICS)}`;
    case 'Best Practice Forum':
      return `Best Practice Forum on ${rng.pick(BPF_TOPICS)}`;
    case 'Open Forum':
      return `Open Forum: ${cap(topic)} in ${rng.chance(0.3) ? hostName : rng.pick(PLACES)}`;
    case 'Lightning Talk':
      return `${cap(topic)} in five minutes`;
    case 'Networking Session':
      return `Networking: ${cap(topic)} community meet-up`;
    case 'Day 0 Event':
      return `Day 0: ${cap(topic)} pre-event`;
    case 'Town Hall':
      return `Town Hall: ${cap(topic)} and the future of the IGF`;
    default: {
      const t = rng.int(5);
      if (t === 0) return `${cap(topic)}: ${rng.pick(ANGLES)}`;
      if (t === 1) return `${cap(topic)} in ${rng.pick(PLACES)}`;
      if (t === 2) return `Multistakeholder perspectives on ${topic}`;
      if (t === 3) return `${cap(topic)} and ${topicFor(theme, rng)}, "who decides?"`;
      return `The future of ${topic}`;
    }
  }
}

// ---------------------------------------------------------------- people

const GIVEN: Record<UnGroup, { female: string[]; male: string[] }> = {
  african: {
    female: ['Amina', 'Chiamaka', 'Fatou', 'Nadia', 'Wanjiru', 'Zanele', 'Aisha', 'Esi', 'Naledi', 'Halima', 'Mariam', 'Thandiwe'],
    male: ['Kwame', 'Tunde', 'Moussa', 'Jabari', 'Sipho', 'Kofi', 'Omar', 'Chinedu', 'Tariq', 'Baraka', 'Yaw', 'Ibrahima']
  },
  asia_pacific: {
    female: ['Mei', 'Priya', 'Ayumi', 'Siti', 'Hana', 'Lakshmi', 'Farah', 'Linh', 'Yuna', 'Ananya', 'Noor', 'Dewi'],
    male: ['Arjun', 'Hiroshi', 'Wei', 'Rahul', 'Budi', 'Minh', 'Imran', 'Kenji', 'Tao', 'Ravi', 'Faisal', 'Jun']
  },
  eastern_european: {
    female: ['Olena', 'Katarzyna', 'Ana', 'Irina', 'Milena', 'Teodora', 'Marta', 'Lela', 'Daria', 'Ivana', 'Agnė', 'Zsófia'],
    male: ['Andrei', 'Piotr', 'Giorgi', 'Dmitri', 'Luka', 'Tomas', 'Bogdan', 'Marek', 'Armen', 'Nikola', 'Rustam', 'Vladas']
  },
  grulac: {
    female: ['Lucía', 'Mariana', 'Camila', 'Valentina', 'Fernanda', 'Gabriela', 'Paula', 'Renata', 'Isabel', 'Daniela', 'Ximena', 'Beatriz'],
    male: ['Mateo', 'Joaquín', 'Diego', 'Rafael', 'Thiago', 'Carlos', 'Andrés', 'Felipe', 'Julián', 'Bruno', 'Rodrigo', 'Gustavo']
  },
  weog: {
    female: ['Emma', 'Sarah', 'Claire', 'Ingrid', 'Sophie', 'Laura', 'Hannah', 'Anna', 'Chloé', 'Maja', 'Rachel', 'Elif'],
    male: ['Lukas', 'James', 'Pierre', 'Henrik', 'Thomas', 'Jonas', 'Matteo', 'Daniel', 'Oliver', 'Erik', 'Michael', 'Can']
  }
};
const GIVEN_NEUTRAL = ['Alex', 'Sam', 'Robin', 'Kai', 'Noor', 'Jules', 'Ari', 'Sasha'];

const SURNAME_PARTS: Record<UnGroup, [string[], string[]]> = {
  african: [
    ['Ab', 'Ade', 'Ako', 'Ba', 'Chi', 'Da', 'Eze', 'Ka', 'Kwa', 'Ma', 'Mbe', 'Nda', 'Nko', 'Ole', 'Sa', 'Tu', 'Wa', 'Zu'],
    ['bara', 'demi', 'gwe', 'jide', 'kuma', 'lele', 'mbo', 'nda', 'ngo', 'rike', 'sanu', 'tanga', 'wuru', 'yeni']
  ],
  asia_pacific: [
    ['Ar', 'Bao', 'Cha', 'Dev', 'Han', 'Hiro', 'Ka', 'Lin', 'Man', 'Nar', 'Pra', 'Ra', 'Sa', 'Ta', 'Wei', 'Ya'],
    ['dana', 'gawa', 'jit', 'kar', 'ming', 'nath', 'pura', 'ran', 'suke', 'tan', 'wati', 'yama', 'zhen']
  ],
  eastern_european: [
    ['Bor', 'Dra', 'Gor', 'Kov', 'Lev', 'Mil', 'Nov', 'Pet', 'Rad', 'Sla', 'Vel', 'Zor'],
    ['ansky', 'ashvili', 'enko', 'escu', 'ić', 'ova', 'ovich', 'ski', 'yan', 'ek', 'aitė', 'as']
  ],
  grulac: [
    ['Alva', 'Bel', 'Car', 'Dur', 'Esca', 'Fer', 'Gar', 'Lo', 'Mon', 'Pal', 'Ri', 'Sal', 'Val', 'Ver'],
    ['ández', 'eira', 'ena', 'illo', 'ondo', 'ares', 'ero', 'iño', 'uez', 'osa']
  ],
  weog: [
    ['Ash', 'Bren', 'Cal', 'Dal', 'Ell', 'Fair', 'Hal', 'Kess', 'Lind', 'Mar', 'North', 'Pem', 'Ros', 'Sten', 'Thorn', 'Wex'],
    ['berg', 'by', 'croft', 'ford', 'gaard', 'ham', 'hurst', 'ley', 'mann', 'more', 'ridge', 'ton', 'well', 'wick']
  ]
};

export function personName(group: UnGroup, gender: 'female' | 'male' | 'other' | 'undisclosed', rng: Random): string {
  const given =
    gender === 'female' || gender === 'male'
      ? rng.pick(GIVEN[group][gender])
      : rng.chance(0.6)
        ? rng.pick(GIVEN_NEUTRAL)
        : rng.pick(GIVEN[group][rng.chance(0.5) ? 'female' : 'male']);
  const [a, b] = SURNAME_PARTS[group];
  let surname = rng.pick(a) + rng.pick(b);
  if (rng.chance(0.08)) surname += '-' + rng.pick(SURNAME_PARTS[group][0]) + rng.pick(SURNAME_PARTS[group][1]);
  return `${given} ${surname}`;
}

// ---------------------------------------------------------------- organisations

const ORG_ROOTS = ['Velmora', 'Kestrani', 'Orvane', 'Lumaris', 'Tessaly', 'Brivon', 'Calderi', 'Nuvara', 'Ostrel', 'Pelmar', 'Quintor', 'Sarvelo', 'Tamrin', 'Ulvena', 'Zephra', 'Dunmere', 'Halvik', 'Miraloc'];

export function organisation(stakeholder: Stakeholder | '', countryName: string, rng: Random): string {
  const root = rng.pick(ORG_ROOTS);
  switch (stakeholder) {
    case 'government':
      return `Ministry of ${rng.pick(['ICT', 'Digital Affairs', 'Communications', 'Foreign Affairs', 'Telecommunications', 'Innovation'])} (${countryName})`;
    case 'private_sector':
      return `${root} ${rng.pick(['Telecom', 'Networks', 'Cloud', 'Digital', 'Systems', 'Mobile', 'Data Services'])}`;
    case 'civil_society':
      return `${root} ${rng.pick(['Digital Rights Network', 'Foundation', 'Youth Coalition', 'Women in Tech Alliance', 'Open Internet Collective', 'Access Initiative'])}`;
    case 'technical_community':
      return `${root} ${rng.pick(['Network Information Centre', 'Internet Exchange', 'Internet Society Chapter', 'Registry', 'Network Operators Group'])}`;
    case 'academia':
      return rng.chance(0.5) ? `University of ${root}` : `${root} Institute of Technology`;
    case 'intergovernmental_organization':
      return `${rng.pick(['International', 'Intergovernmental', 'Regional'])} ${rng.pick(['Agency', 'Office', 'Commission'])} for Digital ${rng.pick(['Cooperation', 'Development', 'Policy'])} (fictional)`;
    case 'media':
      return `${root} ${rng.pick(['Daily', 'Tech Review', 'Broadcasting', 'News Agency'])}`;
    default:
      return `${root} ${rng.pick(['Consulting', 'Associates', 'Network'])}`;
  }
}
