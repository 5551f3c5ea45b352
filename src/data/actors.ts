/**
 * The default actor set: six states, each under every name an article uses for it.
 * Matching is literal and case-sensitive (plus the ALL-CAPS form for headlines);
 * the longest name wins, so "North Korean" beats "North Korea".
 */
import type { ActorDefinition, MentionForm, Term } from '../types.js';
import { OFFICIALS } from './officials.js';

/** Titles before a leader's surname that make the bare surname a mention: "President Carter", "Premier Li". */
export const LEADER_TITLES: string[] = [
  'President', 'Premier', 'Prime Minister', 'Chairman', 'Chancellor', 'General Secretary', 'Secretary-General',
  'Mr.', 'Mrs.', 'Ms.', 'Madam', 'Marshal', 'Emperor', 'King', 'Queen', 'Generalissimo', 'Supreme Leader', 'Leader',
];

/** Actors whose leaders' names put the family name first ("Li Qiang" is Premier Li). */
export const FAMILY_NAME_FIRST_ACTORS: string[] = ['beijing', 'pyongyang', 'seoul', 'taipei'];

/** A leader's last name word that is a hyphenated given name, so the family name comes first: "Moon Jae-in", "Kim Jong-un". */
export const HYPHENATED_GIVEN_NAME = /-\p{Ll}+$/u;

/** An actor file's alias that names a people, not a country, when not listed under demonyms: "Persians", "Turkish", "Iraqi". */
export const DEMONYM_ALIAS = /(?:ians?|eans?|icans?|ese|ish|ans|is|qi)$/;

/** "the North" and "the South" are the Koreas only where the article is about Korea. */
const KOREAN_CONTEXT = ['Korea', 'Pyongyang', 'Seoul', 'DPRK', 'Kim Jong'];

const CORE_ACTORS: ActorDefinition[] = [
  {
    id: 'moscow',
    name: 'Moscow',
    country: 'Russia',
    aliases: ['Russian Federation', 'Soviet Union', 'USSR', 'U.S.S.R.'],
    demonyms: ['Russian', 'Russians', 'Soviet', 'Soviets'],
    leaders: ['Vladimir Putin', 'Putin', 'Dmitry Medvedev', 'Medvedev', 'Sergei Lavrov', 'Lavrov', 'Sergey Lavrov'],
    institutions: ['Kremlin', 'State Duma', 'Duma'],
  },
  {
    id: 'seoul',
    name: 'Seoul',
    country: 'South Korea',
    aliases: ['Republic of Korea', 'ROK', 'R.O.K.', 'south Korea', 'S. Korea', 'S.Korea'],
    demonyms: ['South Korean', 'South Koreans', 'south Korean', 'south Koreans', 'S. Korean', 'S.Korean'],
    leaders: ['Park Geun-hye', 'Moon Jae-in', 'Yoon Suk-yeol', 'Yoon Suk Yeol', 'Lee Myung-bak', 'Lee Jae-myung'],
    institutions: ['Blue House', 'Cheong Wa Dae'],
    contextual: [{ phrase: 'the South', requires: KOREAN_CONTEXT }],
  },
  {
    id: 'tokyo',
    name: 'Tokyo',
    country: 'Japan',
    aliases: [],
    demonyms: ['Japanese'],
    leaders: ['Shinzo Abe', 'Abe', 'Yoshihide Suga', 'Fumio Kishida', 'Kishida', 'Shigeru Ishiba', 'Ishiba'],
    institutions: ['Kantei', 'Diet'],
  },
  {
    id: 'washington',
    name: 'Washington',
    country: 'United States',
    aliases: ['United States of America', 'US', 'U.S.', 'USA', 'U.S.A.', 'America'],
    demonyms: ['American', 'Americans'],
    leaders: ['Barack Obama', 'Obama', 'Donald Trump', 'Trump', 'Joe Biden', 'Biden', 'John Kerry', 'Antony Blinken', 'Blinken'],
    institutions: ['White House', 'Pentagon', 'State Department', 'Department of State', 'Defense Department', 'Department of Defense', 'Congress'],
  },
  {
    id: 'beijing',
    name: 'Beijing',
    country: 'China',
    aliases: ["People's Republic of China", 'PRC', 'P.R.C.', 'Peking', 'Red China', 'Communist China'],
    demonyms: ['Chinese', 'Sino-'],
    leaders: ['Xi Jinping', 'Xi', 'Hu Jintao', 'Li Keqiang', 'Wang Yi'],
    institutions: ['Zhongnanhai', "People's Liberation Army", 'PLA', "National People's Congress"],
  },
  {
    id: 'pyongyang',
    name: 'Pyongyang',
    country: 'North Korea',
    aliases: ["Democratic People's Republic of Korea", 'DPRK', 'D.P.R.K.', 'NK', 'N. Korea', 'N.Korea'],
    demonyms: ['North Korean', 'North Koreans', 'N. Korean', 'N.Korean'],
    leaders: ['Kim Jong-un', 'Kim Jong Un', 'Kim Jong-il', 'Kim Jong Il', 'Kim Il-sung', 'Kim Il Sung', 'Kim Yo-jong'],
    institutions: ["Workers' Party of Korea", "Korean People's Army", "Supreme People's Assembly"],
    contextual: [{ phrase: 'the North', requires: KOREAN_CONTEXT }],
  },
];

/** Officials and state media (src/data/officials.ts) join each actor's leaders and institutions. */
export const DEFAULT_ACTORS: ActorDefinition[] = CORE_ACTORS.map((actor) => {
  const officials = OFFICIALS[actor.id] ?? [];
  const heads = officials.filter((o) => o.role === 'head');
  const people = heads.flatMap((o) => [o.name, ...(o.short ?? [])]);
  const media = officials.filter((o) => o.role === 'media').map((o) => o.name);
  const terms: Record<string, Term[]> = {};
  for (const o of officials) if (o.role !== 'media') for (const n of [o.name, ...(o.short ?? [])]) (terms[n] ??= []).push([o.from, o.to ?? null]);
  return {
    ...actor,
    leaders: [...new Set([...actor.leaders, ...people])],
    institutions: [...new Set([...actor.institutions, ...media])],
    terms,
  };
});

/**
 * States outside the configured set, reported under `others`: each canonical
 * name with the forms that count for it.
 */
export const OTHER_STATES: Record<string, string[]> = {
  Germany: ['Germany', 'German', 'Germans', 'Berlin'],
  France: ['France', 'French', 'Paris'],
  'United Kingdom': ['United Kingdom', 'Britain', 'British', 'UK', 'London'],
  India: ['India', 'Indian', 'Indians', 'New Delhi'],
  Ukraine: ['Ukraine', 'Ukrainian', 'Ukrainians', 'Kyiv', 'Kiev'],
  Iran: ['Iran', 'Iranian', 'Iranians', 'Tehran'],
  Turkey: ['Turkey', 'Turkish', 'Turks', 'Ankara'],
  Israel: ['Israel', 'Israeli', 'Israelis'],
  Syria: ['Syria', 'Syrian', 'Damascus'],
  Taiwan: ['Taiwan', 'Taiwanese', 'Taipei'],
  Mongolia: ['Mongolia', 'Mongolian', 'Ulaanbaatar'],
  Vietnam: ['Vietnam', 'Vietnamese', 'Hanoi'],
  Philippines: ['Philippines', 'Philippine', 'Filipino', 'Manila'],
  Australia: ['Australia', 'Australian', 'Australians', 'Canberra'],
  Canada: ['Canada', 'Canadian', 'Ottawa'],
  Poland: ['Poland', 'Polish', 'Warsaw'],
  Greece: ['Greece', 'Greek', 'Athens'],
  Iraq: ['Iraq', 'Iraqi', 'Baghdad'],
  Pakistan: ['Pakistan', 'Pakistani', 'Islamabad'],
  Georgia: ['Tbilisi'],
  Belarus: ['Belarus', 'Belarusian', 'Minsk'],
  Kazakhstan: ['Kazakhstan', 'Kazakh', 'Astana'],
  Indonesia: ['Indonesia', 'Indonesian', 'Jakarta'],
  Brazil: ['Brazil', 'Brazilian', 'Brasilia'],
  'Saudi Arabia': ['Saudi Arabia', 'Saudi', 'Riyadh'],
  Egypt: ['Egypt', 'Egyptian', 'Cairo'],
  Italy: ['Italy', 'Italian', 'Rome'],
  Spain: ['Spain', 'Spanish', 'Madrid'],
};

/**
 * After "the", a leader's bare surname names no leader before a stop or one
 * of these words ("reach the Moon by 2030"); before any other word it does
 * ("the Moon government", "the Nixon shock", "the Nixon Doctrine").
 */
export const SURNAME_AFTER_THE_NOT_NAMING: string[] = [
  'by', 'to', 'of', 'in', 'on', 'at', 'and', 'or', 'but', 'for', 'with', 'from', 'as', 'is', 'was', 'were', 'are', 'will', 'would', 'has', 'had', 'have', 'that', 'which', 'itself',
];

/**
 * Names that contain an actor's name but are not the actor: people, places,
 * newspapers. A trap consumes its words, so nothing inside it is a mention.
 */
export const TRAPS: string[] = [
  'George Washington',
  'Diet of Worms',
  'Washington Post',
  'Washington Times',
  'Washington State',
  'Washington Consensus',
  'Korean Peninsula',
  'Korean War',
  'Trans-Korean',
  'South China Sea',
  'East China Sea',
  'South China Morning Post',
  'China Daily',
  'Global Times',
  'Japan Times',
  'Korea Times',
  'Korea Herald',
  'Moscow Times',
  'Russia Today',
  'North America',
  'North American',
  'North Americans',
  'South America',
  'South American',
  'Latin America',
  'Latin American',
  'Latin Americans',
  'South Americans',
  'Central Americans',
  'Asian American',
  'Central America',
  'Central American',
  'Pan-American',
  'Asian-American',
  'Asian Americans',
  'Voice of America',
  'Bank of America',
  'Sea of Japan',
  'Bank of Japan',
  'Bank of Korea',
  'Korea Institute',
  // Cocktails, clubs, treaties and declarations named after a city, not that state's act. (A city as the
  // venue of Games is a place, and so a mention: "the Seoul Olympics".)
  'Moscow Mule',
  'Moscow Mules',
  'Paris Club',
  'Washington Treaty',
  'Washington Naval Treaty',
  'Treaty of Washington',
  'Washington Declaration',
  'Pyongyang Declaration',
  'Beijing duck',
  'Peking duck',
  'Peking University',
  'Seoul National University',
  'University of Tokyo',
  'Tokyo Stock Exchange',
  'Moscow State University',
  'Washington University',
  'Trump Tower',
  // Compound demonyms for people of one country living in another: not either state.
  'Korean-American',
  'Korean-Americans',
  'Korean American',
  'Korean Americans',
  'Japanese-American',
  'Japanese-Americans',
  'Japanese American',
  'Japanese Americans',
  'Chinese-American',
  'Chinese-Americans',
  'Chinese American',
  'Chinese Americans',
  'Russian-American',
  'Russian-Americans',
  'US dollars',
  'U.S. dollars',
  'US dollar',
  'U.S. dollar',
  'Canberra Times',
  'Kim Il-sung Square',
  'Kim Il Sung Square',
  // Airlines and newspapers named after a state, and Taiwan's official name.
  'Japan Airlines',
  'Korean Air',
  'Korean Air Lines',
  'Air China',
  'Jerusalem Post',
  'Republic of China',
];

/** Connectives that may open a sentence before its subject pronoun: "However, they ...". */
export const PRONOUN_CONNECTIVES: string[] = [
  'However', 'Yet', 'Still', 'Now', 'Meanwhile', 'Instead', 'Indeed', 'Moreover', 'Besides', 'Today', 'So', 'Thus',
  'Hence', 'Therefore', 'Also', 'Then',
];

/** Words opening a fronted phrase before a subject pronoun: "Instead of matching the boycott, it ...", "On 3 July he ...". */
export const PRONOUN_FRONTERS: string[] = [
  'Instead of', 'Rather than', 'Although', 'Though', 'While', 'Despite', 'After', 'Before', 'When', 'If', 'Since', 'By',
  'In', 'On', 'At', 'Last', 'This', 'Next', 'Earlier', 'Later', 'Until',
];

/** What follows an "it" that stands for nothing: "It is worth remembering", "It was clear that". */
export const EXPLETIVE_IT_VERBS: string[] = [
  'is', 'was', 'has been', 'had been', 'would be', 'will be', 'may be', 'might be', 'seems', 'seemed', 'appears',
  'appeared', 'remains', 'took', 'takes',
];
/** ... and the words after those verbs that make the "it" stand for nothing. */
export const EXPLETIVE_IT_WORDS: string[] = [
  'worth', 'clear', 'unclear', 'likely', 'unlikely', 'possible', 'impossible', 'true', 'false', 'time', 'important',
  'hard', 'easy', 'difficult', 'notable', 'striking', 'telling', 'no', 'a', 'an', 'the', 'too', 'also', 'still', 'now',
  'tempting', 'regrettable', 'surprising', 'ironic', 'fitting', 'natural', 'necessary', 'fair', 'odd', 'strange',
  'often', 'said', 'reported', 'thought', 'believed', 'expected', 'understood', 'known', 'to', 'that',
];

/** Subject pronouns that may open a sentence (after a connective or fronted phrase) and refer back: "However, they ...". */
export const LEADING_PRONOUNS: string[] = ['It', 'They', 'He', 'it', 'they', 'he'];

/** A subject pronoun after "but", ", and", ", yet", ", so" or a semicolon, referring to its own sentence's subject: "..., but it will not let ...". */
export const JOINED_PRONOUN = /(?:,\s*(?:but|and|yet|so)|\bbut|;)\s+(it|they|he)\b/g;

/** What may stand before the actor that opens a sentence as its subject: "The Kremlin", "Clearly, Moscow". */
export const SUBJECT_LEAD = /^(?:\p{Lu}\p{Ll}+ly,\s+)?(?:The\s+|the\s+)?$/u;

/** What stands between two actors of one list: "Seoul, Tokyo and Beijing", "Moscow or Beijing". */
export const LIST_JOIN = /^\s*(?:,|and|or|,\s*and|,\s*or)\s*$/;

/** Mention forms that name a state, which "it" can stand for. */
export const STATE_FORMS: MentionForm[] = ['capital', 'country', 'institution', 'contextual'];

/** A demonym that names a people in the plural, which "they" can stand for: "the Japanese", "Russians". */
export const PLURAL_DEMONYM = /(?:s|ese)$/;

/** Pronouns that can stand for an actor, and what antecedent each needs. */
export const PRONOUNS: Record<string, 'state' | 'people' | 'leader'> = {
  it: 'state',
  It: 'state',
  they: 'people',
  They: 'people',
  them: 'people',
  he: 'leader',
  He: 'leader',
};
