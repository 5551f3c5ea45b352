/**
 * Actor sets: checking an actor file's entries, and compiling a set into the
 * literal-name index the mention finder scans with. Names are never turned
 * into regular expressions, so no actor file can make matching slow.
 */
import { DEFAULT_ACTORS, DEMONYM_ALIAS, FAMILY_NAME_FIRST_ACTORS, OTHER_STATES, TRAPS } from './data/actors.js';
import { plainMarks, secondWordOf, surnameOf } from './mentions.js';
import type { ActorDefinition, ContextualName, MentionForm, Term } from './types.js';

export class ActorFileError extends Error {
  constructor(
    message: string,
    /** Which entry (0-based) and field the problem is in, when it is in one. */
    readonly entry?: number,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ActorFileError';
  }
}

/** Ids for a message: all of a small set, a dozen of a large one and how many more ("a, b and 308 more"). */
export function someIds(ids: string[], shown = 12): string {
  return ids.length <= shown ? ids.join(', ') : `${ids.slice(0, shown).join(', ')} and ${ids.length - shown} more`;
}

/** What a name in the index stands for. */
export interface NameEntry {
  text: string;
  /** The actor id; null for a trap or another state. */
  actor: string | null;
  /** The canonical name of a state outside the set. */
  other: string | null;
  form: MentionForm;
  /** "Sino-": counts only when a hyphen follows. */
  prefixOnly: boolean;
  /** Contextual names count only where the article contains one of these words. */
  requires: string[] | null;
}

export interface ActorSet {
  actors: ActorDefinition[];
  /** Names by their first word as it can be written (see compileActorSet), longest first. */
  index: Map<string, NameEntry[]>;
  /**
   * For first words that begin many names: those names again by their second word (lower
   * case; "" for one-word names), so a word that begins 50,000 aliases costs a look-up, not
   * 50,000 comparisons.
   */
  bySecondWord: Map<string, Map<string, NameEntry[]>>;
  /** Leaders' surnames, with their actor (null where two actors' leaders share one). */
  surnames: Map<string, string | null>;
}

/**
 * Names are literal ("Korea (North)", "Group of 7+", "Sudan [South]" are fine); these only occur in patterns.
 * A bracketed word stands apart; a character class is glued to a word ("[Rr]ussia", "Russi[ae]"), is
 * followed by a quantifier ("[a-z]+"), is negated or empty ("[^x]", "[]"), holds a backslash or a range of
 * single characters ("[A-Za-z]", "[0-9]").
 */
const REGEX_LOOKING =
  /\\[dswbDSWB.]|\.[*+?]|\)[*+?]|^\^|\$$|[^\s]\|[^\s]|[\p{L}\p{N}]\[[^\]]*\]|\[[^\]]*\][\p{L}\p{N}*+?{]|\[[\^\]]|\[[^\]]*(?:\\|(?<![\p{L}\p{N}])[\p{L}\p{N}]-[\p{L}\p{N}]|[\p{L}\p{N}]-[\p{L}\p{N}](?![\p{L}\p{N}]))[^\]]*\]/u;
const KNOWN_FIELDS = ['id', 'name', 'country', 'aliases', 'leaders', 'institutions', 'demonyms', 'contextual', 'officials'];

/** The known field nearest to a misspelt one, if it is near enough. */
function nearestField(field: string): string | null {
  const distance = (a: string, b: string): number => {
    const row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      let previous = row[0]!;
      row[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const current = row[j]!;
        row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
        previous = current;
      }
    }
    return row[b.length]!;
  };
  const best = KNOWN_FIELDS.map((f) => [f, distance(field.toLowerCase(), f)] as const).sort((a, b) => a[1] - b[1])[0]!;
  return best[1] <= 2 ? best[0] : null;
}
const ID = /^[a-z][a-z0-9_-]*$/;
const MAX_NAME_LENGTH = 200;

const firstWord = (text: string): string => (/^[\p{L}\p{N}]+/u.exec(text)?.[0] ?? '').toLowerCase();

/**
 * Checks parsed actor-file JSON and returns the definitions it describes.
 * Throws ActorFileError naming the entry and field for anything wrong.
 */
export function parseActorFile(data: unknown): ActorDefinition[] {
  if (!Array.isArray(data)) throw new ActorFileError('an actor file must be a JSON array of actor entries');
  if (data.length === 0) throw new ActorFileError('the actor file lists no actors');
  const seenIds = new Map<string, number>();
  const claimed = new Map<string, { entry: number; id: string }>();
  return data.map((raw, entry): ActorDefinition => {
    const definition = parseEntry(raw, entry, seenIds);
    claimNames(definition, entry, claimed, listedLeaders(raw));
    return definition;
  });
}

/** Where in the actor file a problem is: "entry 3, field "aliases"" (entries counted from 1). */
const where = (entry: number, field?: string): string => `entry ${entry + 1}${field ? `, field "${field}"` : ''}`;

/** One entry of the file (0-based `entry`) as a definition; its id must not be one of `seenIds`, to which it is added. */
function parseEntry(raw: unknown, entry: number, seenIds: Map<string, number>): ActorDefinition {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ActorFileError(`${where(entry)}: must be an object with at least "id" and "name"`, entry);
  }
  const record = raw as Record<string, unknown>;
  rejectUnknownFields(record, entry);
  const id = textField(record, 'id', true, entry)!;
  if (!ID.test(id)) throw new ActorFileError(`${where(entry, 'id')}: "${id}" must be lower-case letters, digits, "-" or "_"`, entry, 'id');
  if (seenIds.has(id)) throw new ActorFileError(`${where(entry, 'id')}: "${id}" is already the id of entry ${seenIds.get(id)! + 1}`, entry, 'id');
  seenIds.set(id, entry);
  const name = textField(record, 'name', true, entry)!;
  const country = textField(record, 'country', false, entry) ?? name;
  const officials = parseOfficials(record['officials'], where(entry, 'officials'), entry);
  return {
    id,
    name,
    country,
    aliases: listField(record, 'aliases', entry),
    leaders: [...new Set([...listField(record, 'leaders', entry), ...Object.keys(officials.terms ?? {})])],
    institutions: listField(record, 'institutions', entry),
    demonyms: listField(record, 'demonyms', entry),
    contextual: parseContextual(record['contextual'], where(entry, 'contextual'), entry),
    ...officials,
  };
}

/** An item of a list field (an official, a contextual name) with a key it does not have: a typo that would be dropped. */
function rejectUnknownKeys(record: Record<string, unknown>, keys: string[], whereItem: string, entry: number, field: string): void {
  const unknown = Object.keys(record).find((k) => !keys.includes(k));
  if (unknown !== undefined) throw new ActorFileError(`${whereItem}: unknown field "${unknown}"; an item's fields are ${keys.join(', ')}`, entry, field);
}

function rejectUnknownFields(record: Record<string, unknown>, entry: number): void {
  for (const field of Object.keys(record)) {
    if (KNOWN_FIELDS.includes(field)) continue;
    const near = nearestField(field);
    throw new ActorFileError(`${where(entry, field)}: unknown field${near ? ` (did you mean "${near}"?)` : `; the fields are ${KNOWN_FIELDS.join(', ')}`}`, entry, field);
  }
}

/** A string field, trimmed; undefined when an optional one is left out. */
function textField(record: Record<string, unknown>, field: string, required: boolean, entry: number): string | undefined {
  const value = record[field];
  if (value === undefined && !required) return undefined;
  if (typeof value !== 'string' || value.trim() === '') {
    throw new ActorFileError(`${where(entry, field)}: ${value === undefined ? 'is missing' : 'must be a non-empty string'}`, entry, field);
  }
  return value.trim();
}

/** A list-of-strings field, each trimmed; empty when left out. */
function listField(record: Record<string, unknown>, field: string, entry: number): string[] {
  const value = record[field];
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new ActorFileError(`${where(entry, field)}: must be an array of strings`, entry, field);
  return value.map((item, i) => {
    if (typeof item !== 'string' || item.trim() === '') {
      throw new ActorFileError(`${where(entry, field)}: item ${i + 1} must be a non-empty string`, entry, field);
    }
    return item.trim();
  });
}

/**
 * What a name is told apart by: names with the same key match the same words (a space matches any
 * run of white space, a mark its typeset forms, and a name of three characters or more its capitals).
 */
function claimKey(name: string): string {
  const plain = plainMarks(name.replace(/-$/, '').replace(/\s+/g, ' '));
  return plain.length > 2 ? plain.toUpperCase() : plain;
}

/** The names an entry lists under "leaders" (trimmed), apart from its officials. */
const listedLeaders = (raw: unknown): Set<string> => {
  const leaders = (raw as Record<string, unknown>)['leaders'];
  return new Set(Array.isArray(leaders) ? leaders.filter((l): l is string => typeof l === 'string').map((l) => l.trim()) : []);
};

/** Checks every name of an entry and claims it for the entry's actor in `claimed`: a name can stand for one actor only. */
function claimNames(definition: ActorDefinition, entry: number, claimed: Map<string, { entry: number; id: string }>, leaders: Set<string>): void {
  for (const [kind, names] of Object.entries(namesByField(definition))) {
    for (const n of names) {
      // An official is a leader too, but a message names the field the file wrote it in.
      const field = kind === 'leaders' && !leaders.has(n) ? 'officials' : kind;
      checkName(n, entry, field);
      const key = claimKey(n);
      const owner = claimed.get(key);
      if (owner && owner.id !== definition.id) {
        throw new ActorFileError(`${where(entry, field)}: "${n}" is already a name of "${owner.id}" (entry ${owner.entry + 1}); a name can stand for one actor only`, entry, field);
      }
      claimed.set(key, { entry, id: definition.id });
    }
  }
}

/** A name must be short, literal and start with a letter or digit. */
function checkName(n: string, entry: number, field: string): void {
  if (n.length > MAX_NAME_LENGTH) throw new ActorFileError(`${where(entry, field)}: "${n.slice(0, 40)}..." is longer than ${MAX_NAME_LENGTH} characters`, entry, field);
  if (REGEX_LOOKING.test(n)) {
    throw new ActorFileError(`${where(entry, field)}: "${n}" looks like a regular expression; names are matched as literal text, so list each form separately`, entry, field);
  }
  if (firstWord(n) === '') throw new ActorFileError(`${where(entry, field)}: "${n}" must start with a letter or digit`, entry, field);
}

/** "officials": [{ "name": "Recep Tayyip Erdogan", "from": 2003, "to": null }]: dated leaders. */
function parseOfficials(value: unknown, where: string, entry: number): Pick<ActorDefinition, 'terms'> {
  if (value === undefined) return {};
  const problem = `${where}: must be an array of {"name", "from", "to"} (years; "to" null or left out while in office)`;
  if (!Array.isArray(value)) throw new ActorFileError(problem, entry, 'officials');
  const terms: Record<string, Term[]> = {};
  value.forEach((item, i) => {
    const record = (item ?? {}) as Record<string, unknown>;
    rejectUnknownKeys(record, ['name', 'from', 'to'], `${where}, item ${i + 1}`, entry, 'officials');
    const name = record['name'];
    const from = record['from'];
    const to = record['to'] ?? null;
    const year = (v: unknown): boolean => Number.isInteger(v) && (v as number) > 0 && (v as number) < 10000;
    if (typeof name !== 'string' || !name.trim() || !year(from) || (to !== null && (!year(to) || (to as number) < (from as number)))) {
      throw new ActorFileError(`${problem}; item ${i + 1} is not`, entry, 'officials');
    }
    // Someone who held office more than once is listed once a term.
    (terms[name.trim()] ??= []).push([from as number, to as number | null]);
  });
  return { terms };
}

function parseContextual(value: unknown, where: string, entry: number): ContextualName[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new ActorFileError(`${where}: must be an array of {"phrase", "requires"}`, entry, 'contextual');
  return value.map((item, i) => {
    const record = (item ?? {}) as Record<string, unknown>;
    rejectUnknownKeys(record, ['phrase', 'requires'], `${where}, item ${i + 1}`, entry, 'contextual');
    const phrase = record['phrase'];
    const requires = typeof record['requires'] === 'string' ? [record['requires']] : record['requires'];
    const words = Array.isArray(requires) ? requires.filter((w): w is string => typeof w === 'string' && w.trim() !== '') : [];
    if (typeof phrase !== 'string' || !phrase.trim() || !Array.isArray(requires) || words.length !== requires.length || words.length === 0) {
      throw new ActorFileError(`${where}: each item needs a non-empty "phrase" and "requires" (a word or a list of words)`, entry, 'contextual');
    }
    return { phrase: phrase.trim(), requires: words.map((w) => w.trim()) };
  });
}

function namesByField(a: ActorDefinition): Record<string, string[]> {
  return {
    name: [a.name],
    country: a.country === a.name ? [] : [a.country],
    aliases: a.aliases,
    demonyms: a.demonyms ?? [],
    leaders: a.leaders,
    institutions: a.institutions,
    contextual: (a.contextual ?? []).map((c) => c.phrase),
  };
}

/** An alias's form when the actor file does not list it under demonyms: people-words ("Persians", "Turkish") are demonyms. */
const aliasForm = (alias: string): MentionForm => (DEMONYM_ALIAS.test(alias) ? 'demonym' : 'country');

/** Builds the name index for a set of actors (the default set when none is given). */
export function compileActorSet(actors: ActorDefinition[] = DEFAULT_ACTORS): ActorSet {
  if (!Array.isArray(actors)) throw new TypeError('compileActorSet(actors): actors must be an array of actor definitions');
  const ids = new Set<string>();
  for (const a of actors) {
    if (typeof a?.id !== 'string' || typeof a.name !== 'string') throw new TypeError('compileActorSet(actors): every actor needs a string "id" and "name"');
    if (ids.has(a.id)) throw new RangeError(`compileActorSet(actors): "${a.id}" is the id of two actors; ids must differ`);
    ids.add(a.id);
  }
  const index = nameIndex(actors);
  const surnames = surnamesOf(actors);
  return { actors, index, surnames, bySecondWord: groupBySecondWord(index) };
}

/** Every name of the actors, traps and other states, by first word (see ActorSet.index), longest first. */
function nameIndex(actors: ActorDefinition[]): Map<string, NameEntry[]> {
  const index = new Map<string, NameEntry[]>();
  const taken = new Set<string>();
  const add = (text: string, actor: string | null, form: MentionForm, other: string | null = null, requires: string[] | null = null): void => {
    const prefixOnly = text.endsWith('-');
    const literal = prefixOnly ? text.slice(0, -1) : text;
    const first = /^[\p{L}\p{N}]+/u.exec(literal)?.[0];
    if (!first) return;
    const entry: NameEntry = { text: literal, actor, other, form, prefixOnly, requires };
    // Keyed by the first word as it can appear: as written, in capitals, and capitalised at a
    // sentence start for contextual names ("The North").
    const keys = new Set([first, first.toUpperCase()]);
    if (form === 'contextual') keys.add(first[0]!.toUpperCase() + first.slice(1));
    for (const key of keys) {
      const entries = index.get(key) ?? [];
      entries.push(entry);
      index.set(key, entries);
    }
    taken.add(literal.toLowerCase());
  };
  for (const a of actors) {
    add(a.name, a.id, 'capital');
    if (a.country !== a.name) add(a.country, a.id, 'country');
    for (const alias of a.aliases) add(alias, a.id, aliasForm(alias));
    for (const d of a.demonyms ?? []) add(d, a.id, 'demonym');
    for (const l of a.leaders) add(l, a.id, 'leader');
    for (const i of a.institutions) add(i, a.id, 'institution');
    for (const c of a.contextual ?? []) add(c.phrase, a.id, 'contextual', null, c.requires);
  }
  for (const trap of TRAPS) add(trap, null, 'country');
  for (const [state, names] of Object.entries(OTHER_STATES)) {
    for (const n of names) if (!taken.has(n.toLowerCase())) add(n, null, 'country', state);
  }
  for (const entries of index.values()) entries.sort((a, b) => b.text.length - a.text.length);
  return index;
}

/** Leaders' surnames with their actor, or null where two actors' leaders share one. */
function surnamesOf(actors: ActorDefinition[]): Map<string, string | null> {
  const surnames = new Map<string, string | null>();
  const familyFirst = new Set(FAMILY_NAME_FIRST_ACTORS);
  for (const a of actors) {
    for (const l of a.leaders) {
      const surname = surnameOf(l, a.id, familyFirst);
      if (!surname) continue;
      const known = surnames.get(surname);
      surnames.set(surname, known === undefined || known === a.id ? a.id : null);
    }
  }
  return surnames;
}

/** For first words that begin many names, those names again by their second word (see ActorSet.bySecondWord). */
function groupBySecondWord(index: Map<string, NameEntry[]>): Map<string, Map<string, NameEntry[]>> {
  const bySecondWord = new Map<string, Map<string, NameEntry[]>>();
  for (const [key, entries] of index) {
    if (entries.length <= MANY_NAMES) continue;
    const groups = new Map<string, NameEntry[]>();
    for (const entry of entries) {
      const second = secondWordOf(entry.text);
      const group = groups.get(second) ?? [];
      group.push(entry);
      groups.set(second, group);
    }
    bySecondWord.set(key, groups);
  }
  return bySecondWord;
}

/** A first word that begins more names than this gets them grouped by second word. */
const MANY_NAMES = 16;

let defaultSet: ActorSet | null = null;
export function defaultActorSet(): ActorSet {
  defaultSet ??= compileActorSet(DEFAULT_ACTORS);
  return defaultSet;
}

/** The set as an actor file would hold it, for `nkmsg actors --json`. */
export function toActorFile(actors: ActorDefinition[]): object[] {
  return actors.map((a) => ({
    id: a.id,
    name: a.name,
    country: a.country,
    aliases: a.aliases,
    demonyms: a.demonyms ?? [],
    leaders: a.leaders,
    institutions: a.institutions,
    ...(a.contextual?.length ? { contextual: a.contextual } : {}),
    ...officialsOf(a),
  }));
}

/** The leaders' terms as an actor file's `officials` (in an actor file every official counts as a leader). */
function officialsOf(a: ActorDefinition): { officials?: { name: string; from: number; to: number | null }[] } {
  const officials = Object.entries(leaderTerms(a)).flatMap(([name, terms]) => terms.map(([from, to]) => ({ name, from, to })));
  return officials.length > 0 ? { officials } : {};
}

/** The terms of the actor's leaders: the default set also keeps those of ministers and spokespeople, who are no mentions. */
export function leaderTerms(actor: ActorDefinition): Record<string, Term[]> {
  let terms = leaderTermsOf.get(actor);
  if (terms === undefined) {
    const leaders = new Set(actor.leaders);
    terms = Object.fromEntries(Object.entries(actor.terms ?? {}).filter(([name]) => leaders.has(name)).map(([name, held]) => [name, termList(held)]));
    leaderTermsOf.set(actor, terms);
  }
  return terms;
}

/** Each actor's leaders' terms, worked out once: every article asks for them. */
const leaderTermsOf = new WeakMap<ActorDefinition, Record<string, Term[]>>();

/** A leader's terms as a list, however the definition gives them (one term, or a list). */
const termList = (held: Term | Term[]): Term[] => (Array.isArray(held[0]) ? (held as Term[]) : [held as Term]);
