/**
 * Word banks for the library corpus (library-corpus.ts). Lists are ordered by how common the
 * generator makes them (it picks Zipf-like, first items far more often), so the library has
 * words in every draft, words in a few hundred, and names that occur once or twice.
 * Accented names are there on purpose: "avila" must find "Ávila".
 */
export interface Section {
  name: string;
  /** Share of sentences taken (and mutated) from the sample article. */
  sampleShare: number;
  headlines: string[];
  sentences: string[];
  words: Record<string, string[]>;
}

export const FIRST = [
  'Ana', 'José', 'Maria', 'Arben', 'Elena', 'Luis', 'Zoë', 'Marek', 'Inés', 'Tomás', 'Ilir', 'Renée', 'Jörg', 'Agnieszka',
  'Joaquín', 'Björn', 'Dritan', 'Chloé', 'Łukasz', 'Noémie', 'Emre', 'Sofía', 'Ramón', 'Hélène', 'Jiří', 'Ágnes',
];
export const SURNAME_A = [
  'Ávi', 'Mar', 'Kov', 'Nú', 'Gar', 'Hox', 'Pet', 'Ber', 'Mül', 'Šim', 'Ibá', 'Dal', 'Leh', 'Fer', 'Rod', 'Zaj', 'Kel',
  'Ölm', 'Gjo', 'Tor', 'Saa', 'Brá', 'Vuk', 'Lind', 'Čap', 'Esp', 'Qor', 'Dür', 'Ñan', 'Wój', 'Yıl', 'Haz', 'Orb', 'Pál',
];
export const SURNAME_B = [
  'la', 'tín', 'ačević', 'ñez', 'cía', 'ha', 'rović', 'isha', 'ler', 'ić', 'ñez', 'iu', 'mann', 'rer', 'ríguez', 'ąc', 'meni',
  'ez', 'ka', 'res', 'rinen', 'ndão', 'otić', 'qvist', 'ek', 'osito', 'ja', 'rst', 'ero', 'cik', 'dız', 'ani', 'án', 'ffy',
];
export const PLACES = [
  'Tirana', 'Madrid', 'Durrës', 'Ávila', 'Brussels', 'Vlorë', 'Málaga', 'Shkodër', 'Zürich', 'Kraków', 'Córdoba', 'Bogotá',
  'Gdańsk', 'São Paulo', 'Reykjavík', 'Göteborg', 'Brașov', 'Košice', 'Besançon', 'Sevilla', 'Korçë', 'Gjirokastër', 'Łódź',
  'Mönchengladbach', 'Jönköping', 'Cádiz', 'León', 'Nîmes', 'Plzeň', 'Tromsø', 'Ålesund', 'Eskişehir', 'Pécs', 'Grudziądz',
];
/** The sample article's countries, swapped so that it is not the same two in every story. */
export const PLACE_SWAPS: Record<string, string[]> = {
  Spain: ['Spain', 'Italy', 'Greece', 'Portugal', 'Croatia', 'Türkiye'],
  Spanish: ['Spanish', 'Italian', 'Greek', 'Portuguese', 'Croatian', 'Turkish'],
  Albania: ['Albania', 'Kosovo', 'Montenegro', 'Serbia', 'Bosnia', 'North Macedonia'],
  Albanian: ['Albanian', 'Kosovar', 'Montenegrin', 'Serbian', 'Bosnian', 'Macedonian'],
};

const common = {
  org: ['the government', 'the council', 'the ministry', 'the agency', 'the commission', 'the court', 'the ombudsman', 'the inspectorate'],
  adj: ['new', 'major', 'local', 'national', 'regional', 'unexpected', 'long-awaited', 'controversial', 'cross-border', 'provisional'],
};

export const SECTIONS: Section[] = [
  {
    name: 'Politics',
    sampleShare: 0,
    headlines: ['{person} wins {noun} vote in {place}', 'Parliament backs {adj} {noun} after {n}-hour debate', '{place} council rejects {noun} plan', 'Minister {person} resigns over {noun} row'],
    sentences: [
      'The minister, {person}, told parliament that the {noun} would be published before the end of {year}.',
      'Opposition leader {person} said the {adj} {noun} left the government with {n} votes to spare.',
      'In {place}, the council voted {n} to {n} to delay the {noun} until after the election.',
      'Officials in {org} declined to comment on the {noun}, citing the ongoing {topic}.',
      '{person} called it "a {adj} day for democracy" and promised a {topic} within weeks.',
      'The coalition has governed {place} since {year}, and the {noun} is its first real test.',
    ],
    words: { ...common, noun: ['budget', 'reform', 'bill', 'referendum', 'amendment', 'coalition', 'mandate', 'motion', 'filibuster', 'gerrymander'], topic: ['inquiry', 'audit', 'consultation', 'recount', 'impeachment'] },
  },
  {
    name: 'Crime',
    sampleShare: 0.5,
    headlines: ['Police in {place} arrest {n} in {noun} raid', 'Trafficking ring broken up in {place}', '{person} charged over {noun} in {place}', 'Border police seize {n} kg of {noun}'],
    sentences: [
      'Police said {n} people were detained in {place} after a {adj} {noun} lasting several months.',
      'The suspect, named as {person}, appeared before a court in {place} on {topic} charges.',
      'Investigators believe the {noun} was run from {place}, with links to groups abroad.',
      'Prosecutor {person} said the {topic} could take until {year} to reach trial.',
    ],
    words: { ...common, noun: ['investigation', 'smuggling', 'fraud', 'cocaine', 'counterfeiting', 'extortion', 'money laundering', 'racketeering'], topic: ['trafficking', 'corruption', 'firearms', 'cybercrime', 'embezzlement'] },
  },
  {
    name: 'Business',
    sampleShare: 0,
    headlines: ['{place} {noun} market rises {n}%', '{person} to lead {adj} bank', 'Exports to {place} fall for {n}th month', 'Inflation in {place} slows to {n}%'],
    sentences: [
      'Shares closed {n} points higher in {place} as traders weighed the {adj} {noun} figures.',
      'The company, founded in {year}, employs {n} people and plans to expand into {place}.',
      'Chief executive {person} said the {noun} market would stay volatile through {year}.',
      'Analysts expect the central bank to hold rates while the {topic} continues.',
    ],
    words: { ...common, noun: ['housing', 'energy', 'tourism', 'export', 'bond', 'labour', 'freight', 'semiconductor'], topic: ['merger', 'restructuring', 'downturn', 'recovery', 'takeover'] },
  },
  {
    name: 'Sport',
    sampleShare: 0,
    headlines: ['{place} win the {noun} after {n} years', '{person} scores twice as {place} stay top', '{adj} {noun} for {person} in {place}', 'Coach {person} leaves {place} club'],
    sentences: [
      '{person} scored in the {n}th minute to give {place} the lead in front of {n} fans.',
      'The {noun} season ends in {place}, where the champions last won in {year}.',
      'Coach {person} said the {adj} squad had learned from the {topic} against {place}.',
      'The stadium in {place} will host the final of the {noun} for the first time since {year}.',
    ],
    words: { ...common, noun: ['league', 'cup', 'championship', 'derby', 'marathon', 'tournament', 'regatta', 'biathlon'], topic: ['defeat', 'draw', 'penalty shoot-out', 'relegation', 'comeback'] },
  },
  {
    name: 'Culture',
    sampleShare: 0,
    headlines: ['{place} {noun} festival opens with {n} premieres', '{person} wins {adj} prize for {noun}', 'Museum in {place} returns {n} artefacts', 'A {noun} about {place}, by {person}'],
    sentences: [
      'The festival in {place} opened with a {adj} {noun} by {person}, first staged in {year}.',
      'Critics praised {person} for a {noun} that "brings {place} back to the stage".',
      'More than {n} visitors saw the exhibition, which travels to {place} next spring.',
      'The {topic} of the old theatre in {place} was finished {n} days ahead of schedule.',
    ],
    words: { ...common, noun: ['film', 'opera', 'novel', 'exhibition', 'concert', 'documentary', 'retrospective', 'libretto'], topic: ['restoration', 'reopening', 'centenary', 'premiere', 'auction'] },
  },
  {
    name: 'World',
    sampleShare: 0.3,
    headlines: ['Talks between {place} and {place} resume', 'Migration: {place} and {place} agree on {noun}', '{person} visits {place} for {noun} talks', 'Floods in {place}: {n} evacuated'],
    sentences: [
      'Foreign minister {person} arrived in {place} for talks on the {adj} {noun}.',
      'The agreement, signed in {place} in {year}, covers {noun} and the return of migrants.',
      'Aid agencies said {n} families had been moved from the flooded districts around {place}.',
      'Diplomats in {place} expect the {topic} to continue into next year.',
    ],
    words: { ...common, noun: ['border', 'migration', 'security', 'trade', 'ceasefire', 'visa', 'extradition', 'asylum'], topic: ['negotiations', 'summit', 'sanctions', 'mediation', 'repatriation'] },
  },
  {
    name: 'Health',
    sampleShare: 0,
    headlines: ['Hospital in {place} opens {adj} ward', '{n} new cases of {noun} in {place}', 'Doctors in {place} strike over {noun}', '{person} named head of {noun} service'],
    sentences: [
      'The hospital in {place} treated {n} patients for {noun} in the first week alone.',
      'Health minister {person} said the {adj} {noun} programme would be funded until {year}.',
      'Doctors warned that waiting lists in {place} had doubled since {year}.',
      'The {topic} found shortages of nurses in {n} of the region\'s clinics.',
    ],
    words: { ...common, noun: ['measles', 'vaccination', 'influenza', 'cardiology', 'maternity', 'dialysis', 'tuberculosis', 'telemedicine'], topic: ['audit', 'review', 'survey', 'outbreak', 'inspection'] },
  },
  {
    name: 'Local',
    sampleShare: 0,
    headlines: ['{place} road closed for {n} weeks', 'New {noun} for {place} by {year}', 'Residents of {place} oppose {noun}', '{person}, {n}, honoured in {place}'],
    sentences: [
      'Residents in {place} say the {adj} {noun} has been promised since {year}.',
      'The mayor, {person}, said work on the {noun} would start in {n} days.',
      'About {n} people signed the petition, which was handed to the council in {place}.',
      'The {topic} on the old bridge in {place} is expected to cost {n} thousand euros.',
    ],
    words: { ...common, noun: ['bypass', 'playground', 'library', 'tramline', 'roundabout', 'cycle lane', 'marina', 'allotment'], topic: ['repairs', 'works', 'survey', 'closure', 'renovation'] },
  },
];
