/**
 * Stance: the cues of a sentence, the clauses they sit in, and from both the
 * light in which the sentence shows each actor it mentions.
 */
import {
  ADJUNCT_OPENERS,
  BACKGROUND_OPENERS,
  CANCELLING_NEGATORS,
  CLAUSE_SEPARATORS,
  CONTRAST_OPENERS,
  NEGATION_TRANSPARENT,
  NEGATION_WINDOW,
  REJECTED_OPENERS,
  RELATIVE_OPENERS,
  WEIGHTS,
} from './data/clauses.js';
import {
  CONFLICTUAL,
  COOPERATIVE,
  DEMAND_VERBS,
  DEMAND_WEIGHT,
  MOVEMENT_VERBS,
  VISIT_WEIGHT,
  NEGATION_BREAKERS,
  NEGATORS,
  NOT_CUES,
  PHRASES,
  PREFIXES,
  REVERSERS,
} from './data/lexicon.js';
import type { Token } from './nlp.js';
import type { Cue, Mention, Stance } from './types.js';

type ClauseRole = 'main' | 'background' | 'rejected' | 'before-contrast' | 'relative' | 'adjunct';

interface Clause {
  from: number;
  to: number;
  role: ClauseRole;
  /** For a relative clause: the mention it is about. */
  antecedent: Mention | null;
}

export interface SentenceStance {
  cues: Cue[];
  stances: Record<string, Stance>;
  tone: Stance;
}

const NEGATOR_SET = new Set(NEGATORS);
const REVERSER_SET = new Set(REVERSERS);
const BREAKER_SET = new Set(NEGATION_BREAKERS);
const TRANSPARENT_SET = new Set(NEGATION_TRANSPARENT);
const SEPARATOR_SET = new Set(CLAUSE_SEPARATORS);
const RELATIVE_SET = new Set(RELATIVE_OPENERS);
const ADJUNCT_SET = new Set(ADJUNCT_OPENERS);
const split = (phrases: string[]): string[][] => phrases.map((p) => p.split(' ')).sort((a, b) => b.length - a.length);
const BACKGROUND_WORDS = split(BACKGROUND_OPENERS);
const REJECTED_WORDS = split(REJECTED_OPENERS);
const CANCELLING_SET = new Set(CANCELLING_NEGATORS);
const CONTRAST_WORDS = split(CONTRAST_OPENERS);
const DEMAND_SET = new Set(DEMAND_VERBS);
const MOVEMENT_SET = new Set(MOVEMENT_VERBS);
const PHRASE_WORDS = [
  ...PHRASES,
  ...NOT_CUES.map((phrase) => ({ phrase, polarity: null, weight: 0 })),
]
  .map((p) => ({ ...p, words: p.phrase.split(' ') }))
  .sort((a, b) => b.words.length - a.words.length);
const PHRASES_BY_FIRST = new Map<string, typeof PHRASE_WORDS>();
for (const p of PHRASE_WORDS) {
  const list = PHRASES_BY_FIRST.get(p.words[0]!) ?? [];
  list.push(p);
  PHRASES_BY_FIRST.set(p.words[0]!, list);
}

/** Length in tokens of the first of `candidates` that starts at token `i`, or 0. */
function openerAt(tokens: Token[], i: number, candidates: string[][]): number {
  for (const words of candidates) {
    if (words.every((w, k) => tokens[i + k]?.lower === w)) return words.length;
  }
  return 0;
}

const isVerb = (t: Token): boolean => t.pos === 'VERB' || t.pos === 'AUX';

const TIME_WORDS = new Set(['after', 'before', 'since']);

/** The actor named last before the first verb of tokens [from, to): "In Seoul, Xi Jinping not only praised ...". */
function subjectOf(tokens: Token[], from: number, to: number, mentions: Mention[]): Mention | null {
  const start = tokens[from]?.start ?? 0;
  const verb = tokens.slice(from, to).find(isVerb);
  const limit = verb?.start ?? tokens[to - 1]?.end ?? start;
  return mentions.filter((m) => m.start >= start && m.end <= limit).at(-1) ?? null;
}

/** "By reactivating ...", "After ...", or a time phrase: "Hours after ...", "A month before ...". */
function opensWithAdjunct(tokens: Token[]): boolean {
  if (ADJUNCT_SET.has(tokens[0]?.lower ?? '')) return true;
  const at = tokens.slice(1, 4).findIndex((t) => TIME_WORDS.has(t.lower)) + 1;
  return at > 0 && tokens.slice(0, at).every((t) => t.pos === 'NOUN' || t.pos === 'NUM' || t.pos === 'DET' || t.pos === 'ADJ');
}

/** Splits a sentence's tokens into clauses with the role each plays. */
export function splitClauses(tokens: Token[], mentions: Mention[]): Clause[] {
  const clauses: Clause[] = [];
  let current: Clause = { from: 0, to: tokens.length, role: 'main', antecedent: null };
  const close = (at: number, next: Omit<Clause, 'from' | 'to'>, nextFrom = at): void => {
    current.to = at;
    if (current.to > current.from) clauses.push(current);
    current = { from: nextFrom, to: tokens.length, ...next };
  };
  // A fronted clause: "Even though ..., X" or "By doing ..., X" runs to its first comma.
  let frontedUntil = -1;
  const backgroundRole = (i: number): ClauseRole | null =>
    openerAt(tokens, i, REJECTED_WORDS) > 0 ? 'rejected' : openerAt(tokens, i, BACKGROUND_WORDS) > 0 ? 'background' : null;
  const fronted = backgroundRole(0);
  const frontedOpener = fronted ? Math.max(openerAt(tokens, 0, REJECTED_WORDS), openerAt(tokens, 0, BACKGROUND_WORDS)) : 0;
  let resumeSubject: Mention | null = null;
  const firstComma = tokens.findIndex((t) => t.text === ',');
  if (firstComma > 0) {
    if (fronted) {
      current.role = fronted;
      frontedUntil = firstComma;
      // "Rather than balancing China, as Abe had hoped, Moscow ...": the aside belongs to what is turned down.
      if (fronted === 'rejected' && tokens[firstComma + 1]?.lower === 'as') {
        const next = tokens.findIndex((t, k) => k > firstComma + 1 && t.text === ',');
        if (next > 0) frontedUntil = next;
      }
    } else if (opensWithAdjunct(tokens) && tokens.slice(1, firstComma).some(isVerb)) {
      current.role = 'adjunct';
      frontedUntil = firstComma;
    }
  } else if (fronted) {
    current.role = fronted;
  }
  for (let i = 1; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (i === frontedUntil) {
      // After an aside (", while painful for its own firms,") the clause before it resumes.
      close(i, { role: 'main', antecedent: resumeSubject }, i + 1);
      resumeSubject = null;
      continue;
    }
    if (SEPARATOR_SET.has(token.text)) {
      close(i, { role: 'main', antecedent: null }, i + 1);
      continue;
    }
    if (tokens[i - 1]?.text === ',' && RELATIVE_SET.has(token.lower)) {
      const antecedent = [...mentions].reverse().find((m) => m.end <= token.start) ?? null;
      close(i, { role: 'relative', antecedent });
      continue;
    }
    if (openerAt(tokens, i, CONTRAST_WORDS) > 0 && (token.lower === 'but' || tokens[i - 1]?.text === ',')) {
      // "not only praised Seoul but also condemned Tokyo" adds; it does not contrast.
      const additive = tokens[i + 1]?.lower === 'also';
      if (!additive && (current.role === 'main' || current.role === 'relative')) current.role = 'before-contrast';
      // "Obama did not apologise, but laid a wreath": a clause that opens on its verb shares the subject before it.
      const next = tokens[i + 1 + (additive ? 1 : 0)];
      const sharedSubject = next && isVerb(next) ? subjectOf(tokens, current.from, i, mentions) : null;
      close(i, { role: 'main', antecedent: sharedSubject });
      continue;
    }
    const role = i >= frontedOpener ? backgroundRole(i) : null;
    if (role) {
      const clauseStart = tokens[current.from]!.start;
      const firstVerb = tokens.slice(current.from, i).find(isVerb);
      const subject = mentions.find((m) => m.start >= clauseStart && m.end <= (firstVerb?.start ?? token.start)) ?? null;
      close(i, { role, antecedent: null });
      // ", while painful for its own firms, was welcomed": an aside between commas.
      if (tokens[i - 1]?.text === ',') {
        const comma = tokens.findIndex((t, k) => k > i && t.text === ',');
        if (comma > 0) {
          frontedUntil = comma;
          resumeSubject = subject;
        }
      }
    }
  }
  close(tokens.length, { role: 'main', antecedent: null });
  return clauses;
}

interface CueAt extends Cue {
  token: number;
}

interface LexiconEntry {
  entry: string;
  polarity: Cue['polarity'];
  weight: number;
}

const LEXICON = new Map<string, LexiconEntry>();
for (const [polarity, words] of [['conflictual', CONFLICTUAL], ['cooperative', COOPERATIVE]] as const) {
  for (const [entry, weight] of Object.entries(words)) LEXICON.set(entry, { entry, polarity, weight });
}

function lookup(token: Token): LexiconEntry | null {
  const direct = LEXICON.get(token.lower);
  if (direct) return direct;
  // Lemmas only for verbs and nouns: "better" is not "good", "closer" is not "close".
  const key = token.pos === 'VERB' || token.pos === 'NOUN' ? token.lemma : token.lower;
  return (key !== token.lower ? LEXICON.get(key) : undefined) ?? LEXICON.get(`${key}:${token.pos}`) ?? null;
}

/**
 * The negator or reverser that reaches token `i`: at most NEGATION_WINDOW
 * content words back, no punctuation between, not yet used by an earlier cue.
 * Returns its token index, or -1.
 */
function negatorOf(tokens: Token[], i: number, from: number, used: Set<number>, inherited: Map<number, number>): number {
  const isNegator = (t: Token | undefined): boolean => t !== undefined && NEGATOR_SET.has(t.lower);
  let content = 0;
  for (let k = i - 1; k >= from && content < NEGATION_WINDOW; k--) {
    const t = tokens[k]!;
    // "never threatened the North ... and has resisted ...": a comma or a conjunction ends the reach.
    if ((t.pos === 'PUNCT' && !QUOTES.has(t.text)) || (t.pos === 'CCONJ' && t.lower !== 'nor')) return -1;
    // "never offered Kim Jong-un a summit": a negated cue passes its negation on to the next of its kind.
    const passed = inherited.get(k);
    if (passed !== undefined) return passed;
    if (NEGATOR_SET.has(t.lower)) {
      const next = tokens[k + 1]?.lower ?? '';
      const after = tokens[k + 2]?.lower ?? '';
      if (BREAKER_SET.has(next) || BREAKER_SET.has(after)) return -1;
      // "no American president has treated ...": "no" negates its own noun only,
      // unless that noun is the subject of what follows ("no troops would be withdrawn").
      if (t.lower === 'no' && next !== 'longer') {
        const noun = tokens.findIndex((x, j) => j > k && j < i && x.pos === 'NOUN');
        const after = tokens[noun + 1];
        const passive = after?.pos === 'AUX' && (MODALS.has(after.lower) || tokens[noun + 2]?.pos === 'AUX');
        if (noun > 0 && !passive) return -1;
      }
      return used.has(k) ? -1 : k;
    }
    if (REVERSER_SET.has(t.lower) || REVERSER_SET.has(t.lemma)) {
      // "did not rule out talks": a negated reverser leaves the cue as it is.
      const doubled = [k - 1, k - 2, k - 3].find((j) => j >= from && isNegator(tokens[j]));
      if (doubled !== undefined) {
        used.add(doubled);
        return -1;
      }
      return used.has(k) ? -1 : k;
    }
    // Names are the arguments of a negated verb, not words that end its reach.
    if (!TRANSPARENT_SET.has(t.pos) && t.pos !== 'PROPN') content++;
  }
  return -1;
}

/** Whether a lexicon cue stands within the negation window after token `i`. */
function cueFollows(tokens: Token[], i: number, to: number): boolean {
  let content = 0;
  for (let k = i + 1; k < to && content < NEGATION_WINDOW; k++) {
    const t = tokens[k]!;
    if (t.pos === 'PUNCT' && t.text !== '"' && t.text !== '“') return false;
    if (lookup(t) || phraseAt(tokens, k, to)) return true;
    if (!TRANSPARENT_SET.has(t.pos) && t.pos !== 'PROPN') content++;
  }
  return false;
}

/** The longest lexicon phrase (or non-cue phrase) that starts at token `i` and ends before `to`. */
function phraseAt(tokens: Token[], i: number, to: number): (typeof PHRASE_WORDS)[number] | undefined {
  const token = tokens[i]!;
  return (PHRASES_BY_FIRST.get(token.lower) ?? PHRASES_BY_FIRST.get(token.lemma))?.find((p) =>
    p.words.every((w, k) => i + k < to && matchesWord(tokens[i + k], w)),
  );
}

const MODALS = new Set(['would', 'will', 'could', 'can', 'should', 'must', 'may', 'might', 'shall']);
const QUOTES = new Set(['"', '“', '”', "'", '‘', '’']);

const matchesWord = (token: Token | undefined, word: string): boolean => token !== undefined && (token.lower === word || token.lemma === word);

/** The lexicon's cues among the tokens, each with its span and negation. */
export function findCues(tokens: Token[], clauses: Clause[], mentions: Mention[]): CueAt[] {
  const cues: CueAt[] = [];
  const usedNegators = new Set<number>();
  const negatedCues = new Map<Cue['polarity'], Map<number, number>>([
    ['cooperative', new Map()],
    ['conflictual', new Map()],
  ]);
  for (const clause of clauses) {
    for (let i = clause.from; i < clause.to; i++) {
      const token = tokens[i]!;
      const phrase = phraseAt(tokens, i, clause.to);
      let found: { entry: string; polarity: Cue['polarity']; weight: number; start: number; end: number; length: number } | null = null;
      if (phrase && phrase.polarity === null) {
        i += phrase.words.length - 1;
        continue;
      }
      if (phrase && phrase.polarity !== null) {
        const last = tokens[i + phrase.words.length - 1]!;
        found = { entry: phrase.phrase, polarity: phrase.polarity, weight: phrase.weight, start: token.start, end: last.end, length: phrase.words.length };
      } else {
        const prefix = Object.keys(PREFIXES).find((p) => token.lower.startsWith(p) && token.lower.length > p.length);
        // "refused to criticise the Kremlin", "suspend the war games": a reverser with a cue after it
        // undoes that cue instead of being one; alone ("suspended the talks" aside) it is a cue.
        const undoesNext = REVERSER_SET.has(token.lower) && (tokens[i + 1]?.lower === 'to' || cueFollows(tokens, i, clause.to));
        const word = undoesNext ? null : lookup(token);
        if (MOVEMENT_SET.has(token.lemma) && isVerb(token) && travelsTo(tokens, i, mentions)) {
          found = { entry: `${token.lemma} to ACTOR`, polarity: 'cooperative', weight: VISIT_WEIGHT, start: token.start, end: token.end, length: 1 };
        } else if (DEMAND_SET.has(token.lemma) && isVerb(token) && demandsOf(tokens, i, clause.to, mentions)) {
          found = { entry: `${token.lemma} ACTOR to`, polarity: 'conflictual', weight: DEMAND_WEIGHT, start: token.start, end: token.end, length: 1 };
        } else if (prefix) {
          const p = PREFIXES[prefix]!;
          found = { entry: prefix, polarity: p.polarity, weight: p.weight, start: token.start, end: token.start + prefix.length - 1, length: 1 };
        } else if (word) {
          found = { ...word, start: token.start, end: token.end, length: 1 };
        }
      }
      if (!found) continue;
      const inherited = negatedCues.get(found.polarity)!;
      const negator = negatorOf(tokens, i, clause.from, usedNegators, inherited);
      // "rather than spoil the visit": the alternative turned down counts as its opposite.
      const rejected = clause.role === 'rejected';
      const negated = (negator >= 0) !== rejected;
      if (negator >= 0) {
        usedNegators.add(negator);
        inherited.set(i + found.length - 1, negator);
      }
      // "not hostile", "no longer a partner" flip; "not under sanctions", "neither courted nor
      // confronted" and the alternative a sentence turns down ("rather than warm") only cancel.
      const notAll = negator >= 0 && ['all', 'every', 'everything'].includes(tokens[negator + 1]?.lower ?? '');
      const byReverser = negator >= 0 && !NEGATOR_SET.has(tokens[negator]!.lower);
      const cancelled =
        notAll ||
        // "businesslike rather than warm" only sets aside; "rather than spoil the visit" chooses the opposite.
        (rejected && negator < 0 && !isVerb(token)) ||
        (negator >= 0 && CANCELLING_SET.has(tokens[negator]!.lower)) ||
        // "toned down its insults" undoes them; "not under sanctions" only says they are absent.
        (negated && !byReverser && found.polarity === 'conflictual' && token.pos === 'NOUN' && found.length === 1);
      cues.push({
        text: '',
        polarity: negated && !cancelled ? (found.polarity === 'cooperative' ? 'conflictual' : 'cooperative') : found.polarity,
        negated,
        weight: cancelled ? 0 : negated ? found.weight * WEIGHTS.negated : found.weight,
        entry: found.entry,
        start: found.start,
        end: found.end,
        token: i,
      });
      i += found.length - 1;
    }
  }
  return cues;
}

/** Whether the verb at `i` goes to an actor's capital: "Xi Jinping flew to Seoul", "goes to Seoul first". */
function travelsTo(tokens: Token[], i: number, mentions: Mention[]): boolean {
  const preposition = tokens[i + 1];
  const place = tokens[i + 2];
  if (!preposition || !place || !['to', 'in'].includes(preposition.lower)) return false;
  // Someone goes: an actor or pronoun just before the verb ("he flew to Seoul"), not "messages go to ...".
  const traveller = tokens[i - 1] ?? tokens[i - 2];
  const someone = traveller && mentions.some((m) => m.end === traveller.end || m.end === tokens[i - 2]?.end);
  return Boolean(someone) && mentions.some((m) => m.start === place.start && m.form === 'capital');
}

/** Whether the verb at `i` is followed by an actor and "to": "Moscow expects Seoul to stay away". */
function demandsOf(tokens: Token[], i: number, to: number, mentions: Mention[]): boolean {
  for (let k = i + 1; k < Math.min(to, i + 8); k++) {
    const t = tokens[k]!;
    if (t.lower === 'to') {
      const before = tokens[k - 1]!;
      return mentions.some((m) => m.end === before.end && m.start > tokens[i]!.end);
    }
    if (t.pos === 'PUNCT' || isVerb(t)) return false;
  }
  return false;
}

const signed = (cue: Cue): number => (cue.polarity === 'cooperative' ? cue.weight : -cue.weight);

const stanceOf = (score: number): Stance =>
  score >= WEIGHTS.threshold ? 'cooperative' : score <= -WEIGHTS.threshold ? 'conflictual' : 'neutral';

const ADDRESSEE = /\b(?:messages?|signals?)\s+(?:to|for)\s+$/i;

/** The mentions that stand in a list with `mention` ("Washington and Tokyo"), itself included. */
function listAround(input: string, mentions: Mention[], mention: Mention): Mention[] {
  const list = [mention];
  const joined = (a: Mention, b: Mention): boolean => /^\s*(?:,|and|or|,\s*and|,\s*or)\s*$/.test(input.slice(a.end, b.start));
  let k = mentions.indexOf(mention);
  while (k + 1 < mentions.length && joined(mentions[k]!, mentions[k + 1]!)) list.push(mentions[++k]!);
  k = mentions.indexOf(mention);
  while (k > 0 && joined(mentions[k - 1]!, mentions[k]!)) list.unshift(mentions[--k]!);
  return list;
}

/**
 * The stance toward each mentioned actor. A cue counts fully for the actors
 * named nearest before and after it in its clause (with any list they stand
 * in) and for the clause's subject, partly for the clause's other actors, and
 * for everyone when its clause names no actor. The clauses that carry the
 * sentence's point decide; background clauses ("even though ...", "rather
 * than ...", the clause before "but") decide only where those say nothing.
 */
export function sentenceStance(input: string, tokens: Token[], allMentions: Mention[]): SentenceStance {
  // "sending messages to Seoul, Tokyo and Beijing": the addressees of a message are named, not judged.
  const addressed = new Set<Mention>();
  for (const m of allMentions) {
    if (ADDRESSEE.test(input.slice(Math.max(0, m.start - 24), m.start))) {
      // One addressee is judged by the message's tone ("The message to Tokyo is colder"); a list is not.
      const list = listAround(input, allMentions, m);
      if (new Set(list.map((x) => x.actor)).size > 1) for (const x of list) addressed.add(x);
    }
  }
  const mentions = allMentions.filter((m) => !addressed.has(m));
  const clauses = splitClauses(tokens, mentions);
  const found = findCues(tokens, clauses, mentions);
  const cues: Cue[] = found.map(({ token: _token, ...cue }) => ({ ...cue, text: input.slice(cue.start, cue.end) }));
  const point = new Map<string, number>(allMentions.map((m) => [m.actor, 0]));
  const background = new Map<string, number>(mentions.map((m) => [m.actor, 0]));

  const clauseOfCue = found.map((cue) => clauses.findIndex((c) => cue.token >= c.from && cue.token < c.to));
  const hasCues = clauses.map((_, k) => clauseOfCue.includes(k));
  const isBackground = clauses.map(
    (clause, k) =>
      clause.role === 'background' ||
      clause.role === 'rejected' ||
      // "a friend, but not a follower": the clause before "but" still carries the point when the one after says nothing.
      (clause.role === 'before-contrast' && hasCues.slice(k + 1).some(Boolean)),
  );

  let toneScore = 0;
  /** What the point clauses say, for actors named only in background clauses. */
  let pointAtLarge = 0;
  const inPointClause = new Set<string>();
  const inRejectedOnly = new Set<string>(mentions.map((m) => m.actor));
  clauses.forEach((clause, k) => {
    const from = tokens[clause.from]!.start;
    const to = tokens[clause.to - 1]!.end;
    const named = mentions.filter((m) => m.start >= from && m.end <= to).map((m) => m.actor);
    if (clause.antecedent) named.push(clause.antecedent.actor);
    if (clause.role !== 'rejected') for (const a of named) inRejectedOnly.delete(a);
    if (!isBackground[k]) for (const a of named) inPointClause.add(a);
  });
  found.forEach((cue, n) => {
    const k = clauseOfCue[n]!;
    const clause = clauses[k]!;
    const value = signed(cue);
    const scores = isBackground[k] ? background : point;
    const add = (actor: string, v: number): void => {
      scores.set(actor, (scores.get(actor) ?? 0) + v);
    };
    toneScore += value * (isBackground[k] ? WEIGHTS.background : 1);
    if (!isBackground[k]) pointAtLarge += value;
    const from = tokens[clause.from]!.start;
    const to = tokens[clause.to - 1]!.end;
    const inClause = mentions.filter((m) => m.start >= from && m.end <= to);
    if (clause.antecedent) inClause.unshift(clause.antecedent);
    if (inClause.length === 0) {
      for (const m of mentions) add(m.actor, value * WEIGHTS.floating);
      return;
    }
    const before = inClause.filter((m) => m.end <= cue.start).at(-1);
    const after = inClause.find((m) => m.start >= cue.end);
    const firstVerb = tokens.slice(clause.from, clause.to).find(isVerb);
    const subject = inClause[0]!.end <= (firstVerb?.start ?? 0) ? inClause[0] : undefined;
    const full = new Set<string>();
    for (const m of [before, after, subject]) {
      if (m) for (const x of listAround(input, inClause, m)) full.add(x.actor);
    }
    for (const actor of new Set(inClause.map((m) => m.actor))) {
      add(actor, value * (full.has(actor) ? 1 : WEIGHTS.bystander));
    }
    // "By reactivating its policy on Pyongyang, Moscow ...": the subject of the next clause did it.
    const next = clauses.slice(k + 1).find((c) => c.role === 'main');
    if (clause.role === 'adjunct' && next) {
      const nextSubject = mentions.find((m) => m.start >= tokens[next.from]!.start);
      const opensNext = nextSubject && tokens.slice(next.from, next.from + 3).some((t) => t.start === nextSubject.start);
      if (nextSubject && opensNext && !full.has(nextSubject.actor)) add(nextSubject.actor, value);
    }
  });

  const stances: Record<string, Stance> = {};
  const judged = new Set(mentions.map((m) => m.actor));
  for (const [actor, own] of point) {
    if (!judged.has(actor)) {
      stances[actor] = 'neutral';
      continue;
    }
    let score = own;
    if (Math.abs(own) < WEIGHTS.threshold) score = own + (background.get(actor) ?? 0);
    if (Math.abs(score) < WEIGHTS.threshold && !inPointClause.has(actor)) {
      // Named only where the scene is set, with nothing said of it there: the point is about it too.
      // "... leans towards China instead of one that follows the United States": the one turned down loses.
      score += (inRejectedOnly.has(actor) ? -pointAtLarge : pointAtLarge) * WEIGHTS.floating;
    }
    stances[actor] = stanceOf(score);
  }
  return { cues, stances, tone: stanceOf(toneScore) };
}
