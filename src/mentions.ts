/**
 * Mentions: every name of an actor in a sentence, found by literal look-up of
 * each word in the actor set's index; then pronouns that clearly refer back.
 */
import type { ActorSet, NameEntry } from './actors.js';
import { firstEndingAfter } from './spans.js';
import { openingSubject, type PronounSentence } from './syntax.js';
import {
  EXPLETIVE_IT_VERBS,
  EXPLETIVE_IT_WORDS,
  HYPHENATED_GIVEN_NAME,
  JOINED_PRONOUN,
  LEADER_TITLES,
  LEADING_PRONOUNS,
  PLURAL_DEMONYM,
  PRONOUN_CONNECTIVES,
  PRONOUN_FRONTERS,
  PRONOUNS,
  STATE_FORMS,
  SURNAME_AFTER_THE_NOT_NAMING,
} from './data/actors.js';
import type { Mention, Span } from './types.js';
import { isSpaceCode } from './words.js';

// Letters and digits (not CJK spaces, punctuation and brackets); without the u flag, which makes this scan several times slower.
const WORD_CHARACTERS = String.raw`A-Za-z0-9\u00C0-\u1FFF\u2C00-\u2FFF\u3005-\u3007\u3021-\uD7FF`;
const WORD = new RegExp(`[${WORD_CHARACTERS}]+`, 'g');
/** A break inside a word and the word's rest: a soft hyphen, zero-width space or word joiner, or a hyphen ending a line ("Pyong-\nyang"). */
const BROKEN_WORD = new RegExp(String.raw`(?:[\u00AD\u200B\u2060]|-[ \t]*(?:\r\n?|\n)[ \t]*)([${WORD_CHARACTERS}]+)`, 'y');
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const CAPITALISED_NEXT = /^[ \t\u00a0]+\p{Lu}/u;

export interface SentenceMentions {
  mentions: Mention[];
  /** Canonical names of states outside the set, once per occurrence. */
  others: string[];
}

export interface MentionContext {
  /** Words the article contains, for contextual names ("Korea" for "the North"). */
  contains: (word: string) => boolean;
  /** Spans (publisher names and the like) inside which nothing is a mention, in text order, not overlapping. */
  excluded: Span[];
  /** Surnames of leaders the article has already named in full ("Li Qiang ... Li"), with their actor; null where two actors share one. */
  surnames?: Map<string, string | null>;
}

/** White space a name's space matches, as `\s` reads it: line breaks, tabs, no-break, thin, narrow and ideographic spaces. */
const isSpace = (ch: string | undefined): boolean => ch !== undefined && isSpaceCode(ch.charCodeAt(0));

/** Where the spaces and the one line break at `at` end ("\n  yang" after "Pyong-"); `at` where no line break follows. */
function afterLineEnd(input: string, at: number): number {
  let k = at;
  while (input[k] === ' ' || input[k] === '\t') k++;
  if (input[k] === '\r') k += input[k + 1] === '\n' ? 2 : 1;
  else if (input[k] === '\n') k++;
  else return at;
  while (input[k] === ' ' || input[k] === '\t') k++;
  return k;
}

/** Where a break inside a word that starts at `at` ends: a soft hyphen, zero-width space or word joiner, or a hyphen ending a line; `at` where none starts. */
function afterBreak(input: string, at: number): number {
  const ch = input[at];
  if (ch === '\u00ad' || ch === '\u200b' || ch === '\u2060') return at + 1;
  if (ch !== '-') return at;
  const end = afterLineEnd(input, at + 1);
  return end > at + 1 ? end : at;
}

/**
 * Marks a name may be typeset with, each standing for the others: "People’s" is "People's", "Kim
 * Jong‑un" (a non-breaking hyphen) is "Kim Jong-un", "Sino–Russian" (an en dash) opens with "Sino-".
 */
const TYPESET_AS: Record<string, string> = { '’': "'", '‘': "'", '\u2010': '-', '\u2011': '-', '–': '-' };
const TYPESET_MARK = new RegExp(`[${Object.keys(TYPESET_AS).join('')}]`, 'g');
/** A mark as the names write it ("'" or "-"); any other character as it is. */
const plainMark = (ch: string | undefined): string | undefined => (ch === undefined ? ch : (TYPESET_AS[ch] ?? ch));
/** `text` with its typeset marks as the names write them: "People’s" as "People's". */
export const plainMarks = (text: string): string => text.replace(TYPESET_MARK, (ch) => TYPESET_AS[ch]!);

/**
 * Where `name` ends if it is written at `pos`, or -1: as given or, with `capitals`, any of its
 * letters in capitals ("KIM JONG UN", and "KIM Jong Un" or "XI Jinping" as official lists write them).
 */
function literalEnd(input: string, pos: number, name: string, capitals: boolean): number {
  let at = pos;
  for (let k = 0; k < name.length; k++) {
    const ch = name[k]!;
    if (capitals && input[at] !== ch && input[at] === ch.toUpperCase()) {
      at++;
      continue;
    }
    // A space in a name matches any run of spaces, no-break spaces and line breaks: "North\nKorea" in wrapped text.
    if (ch === ' ') {
      if (!isSpace(input[at])) return -1;
      while (isSpace(input[at])) at++;
    } else if (input[at] === ch || plainMark(input[at]) === plainMark(ch)) {
      at++;
      // The name's own hyphen ending a line: "Kim Jong-\nun".
      if (plainMark(ch) === '-' && k + 1 < name.length && name[k + 1] !== ' ') at = afterLineEnd(input, at);
    } else {
      // A word broken where the name is not: "Pyong-\nyang", "Pyong\u00ADyang".
      const after = k > 0 && LETTER_OR_DIGIT.test(ch) && LETTER_OR_DIGIT.test(name[k - 1]!) ? afterBreak(input, at) : at;
      if (after === at) return -1;
      at = after;
      k--;
    }
  }
  return at;
}

/** Where the entry's name ends if it stands at `pos` as a whole word, or -1. */
function matchEnd(input: string, pos: number, entry: NameEntry): number {
  const end = literalEnd(input, pos, entry.text, entry.text.length > 2);
  if (end < 0) return -1;
  const next = input[end];
  if (entry.prefixOnly) return plainMark(next) === '-' ? end : -1;
  if (next !== undefined && LETTER_OR_DIGIT.test(next) && LETTER_OR_DIGIT.test(entry.text[entry.text.length - 1]!)) return -1;
  return end;
}

function contextualOk(input: string, end: number, entry: NameEntry, context: MentionContext): boolean {
  if (!entry.requires || !entry.requires.some((word) => context.contains(word))) return false;
  // "the North Korean", "the South China Sea", "the North-South talks": a longer name, not the contextual one.
  return !CAPITALISED_NEXT.test(input.slice(end, end + 3)) && input[end] !== '-';
}

/** Whether [start, end) overlaps one of `spans` (sorted, not overlapping): a binary search, so a publisher named a thousand times costs no more per mention. */
export function overlapsAny(spans: Span[], start: number, end: number): boolean {
  const at = firstEndingAfter(spans, start);
  return at < spans.length && spans[at]!.start < end;
}

/** The second space-separated word of a name, lower case, without trailing punctuation; "" for one word. */
export const secondWordOf = (text: string): string =>
  plainMarks((text.split(/\s+/)[1] ?? '').toLowerCase().replace(/[^\p{L}\p{N}]+$/u, ''));

/** The names that can start with `word` at this point: for a word that begins many names, only those whose second word follows. */
function namesAt(input: string, after: number, word: string, set: ActorSet): NameEntry[] {
  const all = set.index.get(word);
  if (!all) return [];
  const groups = set.bySecondWord.get(word);
  if (!groups) return all;
  const next = /^[\s\u00a0]+(\S+)/.exec(input.slice(after, after + 200))?.[1] ?? '';
  const second = secondWordOf(`x ${next}`);
  const one = groups.get('') ?? [];
  const two = groups.get(second) ?? [];
  return [...two, ...one].sort((a, b) => b.text.length - a.text.length);
}

/**
 * Which words may be looked up at all: a bit for each (first code unit, length) of the words
 * the index and the surnames hold, so that most words of a text are passed over without
 * being hashed. A word whose bit is clear is in neither.
 */
const shapeOf = (word: string): number => ((word.charCodeAt(0) & 0x3ff) << 6) | Math.min(word.length, 63);

function shapes(words: Iterable<string>, into: Uint8Array = new Uint8Array(1 << 16)): Uint8Array {
  for (const w of words) into[shapeOf(w)] = 1;
  return into;
}

const setShapes = new WeakMap<ActorSet, { index: number; surnames: number; shapes: Uint8Array }>();

/** The shapes of the set's index keys and leaders' surnames (made again if either has changed size). */
function shapesOf(set: ActorSet): Uint8Array {
  let known = setShapes.get(set);
  if (known === undefined || known.index !== set.index.size || known.surnames !== set.surnames.size) {
    known = { index: set.index.size, surnames: set.surnames.size, shapes: shapes(set.surnames.keys(), shapes(set.index.keys())) };
    setShapes.set(set, known);
  }
  return known.shapes;
}

/** Finds actor names and other states' names in `input` between `start` and `end`. */
export function findNames(input: string, span: Span, set: ActorSet, context: MentionContext): SentenceMentions {
  const mentions: Mention[] = [];
  const others: string[] = [];
  const text = input.slice(span.start, span.end);
  WORD.lastIndex = 0;
  let consumedUntil = 0;
  const mayBe = shapesOf(set);
  const mayBeSurname = context.surnames && context.surnames.size > 0 ? [...context.surnames.keys()].map(shapeOf) : [];
  /** Whether a name of the set starts at `pos` with `word` (ending at `after`), recording it if so. */
  const matchName = (pos: number, word: string, after: number): boolean => {
    for (const entry of namesAt(input, after, word, set)) {
      // "The North" opening a sentence is "the North".
      const probe = entry.form === 'contextual' && input[pos] === 'T' ? { ...entry, text: 'T' + entry.text.slice(1) } : entry;
      const end = matchEnd(input, pos, probe);
      if (end < 0) continue;
      if (entry.form === 'contextual' && !contextualOk(input, end, entry, context)) continue;
      consumedUntil = end - span.start;
      if (overlapsAny(context.excluded, pos, end)) return true;
      if (entry.form === 'leader' && set.surnames.has(entry.text) && notTheLeader(input, pos, end)) return true;
      if (entry.actor) {
        mentions.push({ actor: entry.actor, surface: input.slice(pos, end), form: entry.form, start: pos, end });
      } else if (entry.other) {
        others.push(entry.other);
      }
      return true;
    }
    return false;
  };
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    if (m.index < consumedUntil) continue;
    const pos = span.start + m.index;
    // A word broken by a line's end or an invisible break is looked up whole first ("Pyong-\nyang").
    const next = text.charCodeAt(m.index + m[0].length);
    if (next === 0x2d || next === 0xad || next === 0x200b || next === 0x2060) {
      BROKEN_WORD.lastIndex = m.index + m[0].length;
      const rest = BROKEN_WORD.exec(text);
      if (rest !== null && mayBe[shapeOf(m[0] + rest[1]!)] === 1 && matchName(pos, m[0] + rest[1]!, span.start + BROKEN_WORD.lastIndex)) continue;
    }
    // Neither a name's first word nor a surname: nothing below can match it.
    const shape = shapeOf(m[0]);
    if (mayBe[shape] === 0 && !mayBeSurname.includes(shape)) continue;
    if (matchName(pos, m[0], pos + m[0].length)) continue;
    const end = pos + m[0].length;
    // A leader's bare surname: once the article has named them in full, or after a title ("President Carter").
    const known = context.surnames?.get(m[0]);
    // The title is looked for only before a surname of the set: the test is costly and most words are none.
    const titled = known === undefined && set.surnames.has(m[0]) && TITLE_BEFORE.test(input.slice(Math.max(0, pos - 24), pos)) ? set.surnames.get(m[0]) : undefined;
    const actor = known ?? titled;
    if (actor && !LETTER_OR_DIGIT.test(input[end] ?? '') && !overlapsAny(context.excluded, pos, end) && !notTheLeader(input, pos, end)) {
      mentions.push({ actor, surface: m[0], form: 'leader', start: pos, end });
    }
  }
  return { mentions, others };
}


const alternatives = (words: string[]): string => words.map((w) => w.replace(/ /g, '\\s+')).join('|');
const THE_BEFORE = /\bthe\s+$/i;
const NO_NOUN_AFTER = new RegExp(`^(?:\\s*$|\\s*[^\\s\\p{L}\\p{N}'’-]|\\s+(?:${SURNAME_AFTER_THE_NOT_NAMING.join('|')})\\b)`, 'u');

/** "the Moon by 2030" is no leader, "the Moon government" and "the Nixon Doctrine" are: a bare surname after "the" needs a word after it. */
const notTheLeader = (input: string, start: number, end: number): boolean =>
  THE_BEFORE.test(input.slice(Math.max(0, start - 8), start)) && NO_NOUN_AFTER.test(input.slice(end, end + 24));

const LEADING_PRONOUN = new RegExp(
  `^(?:(?:${alternatives(PRONOUN_CONNECTIVES)})\\s*,?\\s+|(?:${alternatives(PRONOUN_FRONTERS)})\\b[^,.;:]{0,80},\\s+|` +
    `(?:${alternatives(PRONOUN_FRONTERS)})(?:\\s+[\\p{L}\\p{N}]+){1,3}\\s+)?(${alternatives(LEADING_PRONOUNS)})\\b`,
  'u',
);
const EXPLETIVE_IT = new RegExp(`^it\\s+(?:${alternatives(EXPLETIVE_IT_VERBS)})\\s+(?:not\\s+)?(?:${alternatives(EXPLETIVE_IT_WORDS)})\\b`, 'i');

/** Whether a pronoun can stand for the antecedent: "it" a state, "they" a people, "he" a leader. */
function agrees(pronoun: string, antecedent: Mention): boolean {
  const needs = PRONOUNS[pronoun];
  return (
    (needs === 'state' && STATE_FORMS.includes(antecedent.form)) ||
    (needs === 'people' && antecedent.form === 'demonym' && PLURAL_DEMONYM.test(antecedent.surface)) ||
    (needs === 'leader' && antecedent.form === 'leader')
  );
}

const pronounAt = (actor: string, surface: string, start: number): Mention => ({
  actor,
  surface,
  form: 'pronoun',
  start,
  end: start + surface.length,
});

/**
 * Subject pronouns that clearly refer back: at the start of a sentence
 * ("However, they, too, ...") to the subject of the sentence before, and
 * after "but" or ", and" ("..., but it will not let ...") to the subject of
 * their own sentence, when the two agree.
 */
export function resolvePronouns(input: string, sentence: PronounSentence, previous: PronounSentence | null): Mention[] {
  const text = input.slice(sentence.start, sentence.end);
  const found: Mention[] = [];
  const leading = LEADING_PRONOUN.exec(text);
  const before = previous ? openingSubject(input, previous) : null;
  const expletive = leading !== null && EXPLETIVE_IT.test(text.slice(leading.index + leading[0].length - leading[1]!.length));
  if (leading && before && !expletive && agrees(leading[1]!, before)) {
    found.push(pronounAt(before.actor, leading[1]!, sentence.start + leading.index + leading[0].length - leading[1]!.length));
  }
  const own = openingSubject(input, sentence);
  if (own) {
    for (const m of text.matchAll(JOINED_PRONOUN)) {
      const pronoun = m[1]!;
      if (agrees(pronoun, own)) found.push(pronounAt(own.actor, pronoun, sentence.start + m.index! + m[0].length - pronoun.length));
    }
  }
  return found;
}

const TITLE_BEFORE = new RegExp(`(?:^|[^\\p{L}])(?:${LEADER_TITLES.map((t) => t.replace('.', '\\.')).join('|')})\\s+$`, 'u');

/** A leader's surname, by the order their names are written in. */
export function surnameOf(name: string, actor: string, familyFirst: Set<string>): string | null {
  const words = name.split(/\s+/);
  if (words.length < 2) return null;
  const surname = familyFirst.has(actor) || HYPHENATED_GIVEN_NAME.test(words.at(-1)!) ? words[0]! : words.at(-1)!;
  return /^\p{Lu}[\p{L}'-]+$/u.test(surname) ? surname : null;
}

/**
 * Records the surnames of leaders named in full among `mentions`, so that
 * later sentences' bare surnames count ("Prime Minister Keizo Obuchi ...
 * Obuchi said"). Korean names with a hyphenated given name, and names of the
 * actors in `familyFirst`, put the family name first.
 */
export function learnSurnames(mentions: Mention[], surnames: Map<string, string | null>, familyFirst: Set<string>): void {
  for (const m of mentions) {
    if (m.form !== 'leader') continue;
    const surname = surnameOf(m.surface, m.actor, familyFirst);
    if (!surname) continue;
    const known = surnames.get(surname);
    surnames.set(surname, known === undefined || known === m.actor ? m.actor : null);
  }
}
