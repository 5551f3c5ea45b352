/**
 * Reading a sentence's actors in their syntax: which one opens it as its
 * subject, and which stand together in a list. Shared by stance, structure,
 * pronouns and message sections.
 */
import { LIST_JOIN, SUBJECT_LEAD } from './data/actors.js';
import type { Mention, Span } from './types.js';

/** A sentence's span with its actor mentions in text order. */
export interface PronounSentence extends Span {
  mentions: Mention[];
}

/**
 * The actor a sentence opens with as its subject, if any: "The Kremlin
 * regards ...", "Washington, which ...", "Clearly, Moscow expects ...".
 */
export function openingSubject(input: string, sentence: PronounSentence): Mention | null {
  const first = sentence.mentions[0];
  if (!first || first.form === 'pronoun') return null;
  return SUBJECT_LEAD.test(input.slice(sentence.start, first.start)) ? first : null;
}

/** The mentions that stand in a list with `mention` ("Seoul, Tokyo and Beijing"), itself included. */
export function listAround(input: string, mentions: Mention[], mention: Mention): Mention[] {
  const list = [mention];
  const joined = (a: Mention, b: Mention): boolean => LIST_JOIN.test(input.slice(a.end, b.start));
  let k = mentions.indexOf(mention);
  while (k + 1 < mentions.length && joined(mentions[k]!, mentions[k + 1]!)) list.push(mentions[++k]!);
  k = mentions.indexOf(mention);
  while (k > 0 && joined(mentions[k - 1]!, mentions[k]!)) list.unshift(mentions[--k]!);
  return list;
}
