/**
 * Clause rules: which words open a clause, and how much that clause counts
 * when a sentence depicts cooperation and conflict at once.
 */
import type { PosTag } from './pos.js';

/** The clause they open sets the scene; the other clause carries the point. */
export const BACKGROUND_OPENERS: string[] = [
  'even though', 'although', 'though', 'while', 'whereas', 'despite', 'in spite of', 'notwithstanding',
  'even as', 'even if', 'whatever', 'no matter', 'unlike',
];

/** The clause they open is the alternative the sentence turns down: its cues do not count. */
export const REJECTED_OPENERS: string[] = ['rather than', 'instead of'];

/** The clause they open carries the point over the clause before ("a friend, but not a follower"). */
export const CONTRAST_OPENERS: string[] = ['but', 'however', 'yet', 'nevertheless', 'nonetheless', 'still'];

/** Contrast openers that open a clause without a comma before them ("praised Seoul but condemned Tokyo"). */
export const CONTRAST_WITHOUT_COMMA: string[] = ['but'];

/** After a contrast opener, words that make it add instead of contrast: "not only praised Seoul but also condemned Tokyo". */
export const ADDITIVE_AFTER_CONTRAST: string[] = ['also'];

/** After a comma, a relative clause about the actor named just before it. */
export const RELATIVE_OPENERS: string[] = ['which', 'who', 'whose'];

/** After a relative opener, words that make the relative clause set the scene: "officials, who once called Abe a revisionist, now ...". */
export const RELATIVE_PAST_WORDS: string[] = ['once'];

/** After the comma that ends a turned-down clause, words that open an aside belonging to it: "Rather than balancing China, as Abe had hoped, Moscow ...". */
export const REJECTED_ASIDE_OPENERS: string[] = ['as'];

/**
 * A sentence that opens with one of these and a verb before its first comma
 * ("By reactivating its policy on Pyongyang, Moscow ...") describes what the
 * next clause's subject does.
 */
export const ADJUNCT_OPENERS: string[] = [
  'by', 'after', 'before', 'through', 'in', 'since', 'when', 'with', 'without', 'upon', 'following', 'if', 'unless',
  'once', 'having', 'to',
];

/** Tokens that end a clause outright. */
export const CLAUSE_SEPARATORS: string[] = [';', ':', '—', '–', '--'];

/** How much a cue counts, by where it stands, and the score that makes a stance. */
export const WEIGHTS = {
  /** A background or before-contrast clause against the clause that carries the point. */
  background: 0.3,
  /** A cue's share for actors in its clause that are not the nearest on either side. */
  bystander: 0.25,
  /** A cue in a clause naming no actor, shared by every actor of the sentence. */
  floating: 0.5,
  /** A negated cue keeps this share of its weight, with its polarity flipped. */
  negated: 0.5,
  /** The score an actor needs, either way, to be more than neutral. */
  threshold: 1,
};

/** How many words back a negator or reverser reaches. */
export const NEGATION_WINDOW = 3;

/** Negators that cancel a cue instead of flipping it ("neither praised nor condemned"). */
export const CANCELLING_NEGATORS: string[] = ['neither', 'nor', 'whether'];

/** Parts of speech a negation reaches past without using up its window ("no longer treated as a partner"). */
export const NEGATION_TRANSPARENT: PosTag[] = ['DET', 'ADP', 'ADV', 'AUX', 'PART', 'PRON', 'CCONJ'];

/** Time words that open a fronted clause after a short noun phrase: "Hours after ...", "A month before ...". */
export const TIME_OPENERS: string[] = ['after', 'before', 'since'];

/** Parts of speech of that short noun phrase before a time word: "Hours", "A month", "Two weeks". */
export const TIME_PHRASE_POS: PosTag[] = ['NOUN', 'NUM', 'DET', 'ADJ'];

/** Modal verbs: "no troops would be withdrawn" is a negated predicate. */
export const MODALS: string[] = ['would', 'will', 'could', 'can', 'should', 'must', 'may', 'might', 'shall'];
