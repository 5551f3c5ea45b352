/**
 * Mentions: every name of an actor in a sentence, found by literal look-up of
 * each word in the actor set's index; then pronouns that clearly refer back.
 */
import type { ActorSet, NameEntry } from './actors.js';
import { PRONOUNS } from './data/actors.js';
import type { Mention, Span } from './types.js';

const WORD = /[\p{L}\p{N}]+/gu;
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
  /** Spans (publisher names and the like) inside which nothing is a mention. */
  excluded: Span[];
}

function matchesAt(input: string, pos: number, entry: NameEntry): boolean {
  const exact = input.startsWith(entry.text, pos);
  if (!exact && !(entry.text.length > 2 && input.startsWith(entry.upper, pos))) return false;
  const next = input[pos + entry.text.length];
  if (entry.prefixOnly) return next === '-';
  if (next !== undefined && LETTER_OR_DIGIT.test(next) && LETTER_OR_DIGIT.test(entry.text[entry.text.length - 1]!)) return false;
  return true;
}

function contextualOk(input: string, end: number, entry: NameEntry, context: MentionContext): boolean {
  if (!entry.requires || !entry.requires.some((word) => context.contains(word))) return false;
  // "the North Korean", "the South China Sea", "the North-South talks": a longer name, not the contextual one.
  return !CAPITALISED_NEXT.test(input.slice(end, end + 3)) && input[end] !== '-';
}

/** Finds actor names and other states' names in `input` between `start` and `end`. */
export function findNames(input: string, span: Span, set: ActorSet, context: MentionContext): SentenceMentions {
  const mentions: Mention[] = [];
  const others: string[] = [];
  const text = input.slice(span.start, span.end);
  WORD.lastIndex = 0;
  let consumedUntil = 0;
  for (let m = WORD.exec(text); m !== null; m = WORD.exec(text)) {
    if (m.index < consumedUntil) continue;
    let candidates = set.index.get(m[0].toLowerCase());
    // "The North" at the start of a sentence is indexed under "the".
    if (!candidates) continue;
    const pos = span.start + m.index;
    for (const entry of candidates) {
      const lowerStart = entry.form === 'contextual' && input[pos] === 'T' ? 'T' + entry.text.slice(1) : entry.text;
      const probe = lowerStart === entry.text ? entry : { ...entry, text: lowerStart };
      if (!matchesAt(input, pos, probe)) continue;
      const end = pos + entry.text.length;
      if (entry.form === 'contextual' && !contextualOk(input, end, entry, context)) continue;
      consumedUntil = m.index + entry.text.length;
      if (context.excluded.some((x) => pos < x.end && end > x.start)) break;
      if (entry.actor) {
        mentions.push({ actor: entry.actor, surface: input.slice(pos, end), form: entry.form, start: pos, end });
      } else if (entry.other) {
        others.push(entry.other);
      }
      break;
    }
    candidates = undefined;
  }
  return { mentions, others };
}

export interface PronounSentence extends Span {
  mentions: Mention[];
}

const SUBJECT_PRONOUN = /^(?:(?:However|Yet|Still|Now|Meanwhile|Instead|Indeed|Moreover|Besides|Today|So|Thus|Hence|Therefore|Also)\s*,?\s+)?(It|They|He|it|they|he)\b/;

/**
 * A subject pronoun at the start of a sentence ("However, they, too, ...")
 * refers to the actor that was the subject of the sentence before, when the
 * two agree: "it" a state, "they" a people, "he" a leader.
 */
export function resolvePronoun(input: string, sentence: PronounSentence, previous: PronounSentence | null): Mention | null {
  if (!previous) return null;
  const match = SUBJECT_PRONOUN.exec(input.slice(sentence.start, sentence.end));
  if (!match) return null;
  const pronoun = match[1]!;
  const antecedent = previous.mentions[0];
  if (!antecedent || antecedent.form === 'pronoun') return null;
  const lead = input.slice(previous.start, antecedent.start);
  if (!/^(?:(?:The|the)\s+)?$/.test(lead)) return null;
  const needs = PRONOUNS[pronoun];
  const agrees =
    (needs === 'state' && ['capital', 'country', 'institution', 'contextual'].includes(antecedent.form)) ||
    (needs === 'people' && antecedent.form === 'demonym' && /(?:s|ese)$/.test(antecedent.surface)) ||
    (needs === 'leader' && antecedent.form === 'leader');
  if (!agrees) return null;
  const start = sentence.start + match.index + match[0].length - pronoun.length;
  return { actor: antecedent.actor, surface: pronoun, form: 'pronoun', start, end: start + pronoun.length };
}
