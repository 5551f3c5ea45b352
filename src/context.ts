/**
 * The reader's second stage: an actor's stance read in its article. The first
 * stage (reader.ts) reads each (sentence, actor) pair alone; "Seoul got the
 * reverse." has no cue of its own, its neighbours do. This stage weighs the
 * pair's first-stage probabilities with those of the same actor elsewhere in
 * the article, in its paragraph and in the sentences before and after, and
 * with the other actors' in its sentence: a small multinomial logistic
 * regression over named, real-valued features, with its weights in
 * model/context.json (made by `npm run train`, fitted on out-of-fold
 * first-stage readings of the train split).
 */
import { committedJson } from './model-file.js';
import { LABELS, softmax, type FeatureWeight, type StanceModel } from './reader.js';
import type { Stance } from './types.js';

/** One pair as the first stage read it. */
export interface FirstReading {
  sentence: number;
  paragraph: number;
  actor: string;
  /** The first stage's calibrated probabilities, in LABELS order. */
  probabilities: readonly number[];
  /** Whether the lexicon found a cooperative or conflictual cue in the sentence. */
  cued: boolean;
  /** The rules' stance for the pair. */
  rule: Stance;
}

/** The second stage's weights, laid out as the first stage's: per feature, one weight per label in LABELS order. */
export type ContextModel = StanceModel;

export interface ContextReading {
  stance: Stance;
  confidence: number;
  /** The probability of each label, in LABELS order. */
  probabilities: number[];
  /** The context features that weighed most for the chosen label, strongest first (named `context:...`). */
  because: FeatureWeight[];
}

type Distribution = readonly number[] | null;

/** The mean of some first-stage distributions; null where there are none. */
function meanOf(readings: readonly FirstReading[]): Distribution {
  if (readings.length === 0) return null;
  const mean = [0, 0, 0];
  for (const r of readings) for (let k = 0; k < 3; k++) mean[k]! += r.probabilities[k]!;
  return mean.map((v) => v / readings.length);
}

/** How many distributions were added up, and their sum: a mean with one left out, in constant time. */
interface Total {
  n: number;
  sum: number[];
}

function addTo(totals: Map<string, Total>, key: string, r: FirstReading): void {
  const total = totals.get(key) ?? totals.set(key, { n: 0, sum: [0, 0, 0] }).get(key)!;
  total.n++;
  for (let k = 0; k < 3; k++) total.sum[k]! += r.probabilities[k]!;
}

/** The mean of a total's distributions but `r`'s (which it counts); null where there are no others. */
function meanWithout(total: Total, r: FirstReading): Distribution {
  if (total.n < 2) return null;
  return total.sum.map((v, k) => (v - r.probabilities[k]!) / (total.n - 1));
}

/** Where each pair stands in its article: the pairs of each sentence, each actor's totals over the article and per paragraph. */
interface ArticleView {
  bySentence: Map<number, FirstReading[]>;
  byActor: Map<string, Total>;
  byActorParagraph: Map<string, Total>;
  /** Each sentence's place among the sentences with pairs. */
  rank: Map<number, number>;
  sentences: number[];
}

const inParagraph = (r: FirstReading): string => `${r.actor}\t${r.paragraph}`;

function viewOf(readings: readonly FirstReading[]): ArticleView {
  const bySentence = new Map<number, FirstReading[]>();
  const byActor = new Map<string, Total>();
  const byActorParagraph = new Map<string, Total>();
  for (const r of readings) {
    (bySentence.get(r.sentence) ?? bySentence.set(r.sentence, []).get(r.sentence)!).push(r);
    addTo(byActor, r.actor, r);
    addTo(byActorParagraph, inParagraph(r), r);
  }
  const sentences = [...bySentence.keys()].sort((a, b) => a - b);
  return { bySentence, byActor, byActorParagraph, rank: new Map(sentences.map((s, i) => [s, i])), sentences };
}

/** The pair's context: the same actor in the article, the paragraph and the sentences either side; the sentence's other actors. */
function contextOf(view: ArticleView, r: FirstReading): Record<string, Distribution> {
  const at = view.rank.get(r.sentence)!;
  const sentenceAt = (offset: number): FirstReading[] => view.bySentence.get(view.sentences[at + offset] ?? -1) ?? [];
  const sameIn = (offset: number): FirstReading[] => sentenceAt(offset).filter((q) => q.actor === r.actor);
  return {
    article: meanWithout(view.byActor.get(r.actor)!, r),
    para: meanWithout(view.byActorParagraph.get(inParagraph(r))!, r),
    prev: meanOf(sameIn(-1)),
    next: meanOf(sameIn(1)),
    others: meanOf(view.bySentence.get(r.sentence)!.filter((q) => q !== r)),
    prevAny: meanOf(sentenceAt(-1)),
    nextAny: meanOf(sentenceAt(1)),
  };
}

/** Where a pair's context is read: its actor in the article, in the paragraph, in the sentences either side; the sentence's other actors; any actor in the sentences either side. */
const CONTEXTS = ['article', 'para', 'prev', 'next', 'others', 'prevAny', 'nextAny'] as const;
type ContextName = (typeof CONTEXTS)[number];
/** Context distributions whose weight grows where the pair is read unsure, and where its sentence has no cue. */
const BY_DOUBT: readonly ContextName[] = ['article', 'para', 'prev', 'next', 'others'];
const BY_NO_CUE: readonly ContextName[] = ['article', 'para', 'prev', 'others'];

/** Each distribution feature's first slot (`name:none`, then `name:cooperative` ...) in FEATURE_NAMES. */
const slots = new Map<string, number>();

/** Every feature the stage reads, in a fixed order: a pair's values are one array over them, which keeps reading cheap. */
export const FEATURE_NAMES: readonly string[] = (() => {
  const names = ['bias', 'no-cue', 'unsure', ...LABELS.map((l) => `rule=${l}`)];
  const distribution = (name: string): void => {
    slots.set(name, names.length);
    names.push(`${name}:none`, ...LABELS.map((l) => `${name}:${l}`));
  };
  distribution('self');
  distribution('self*no-cue');
  for (const name of CONTEXTS) distribution(name);
  for (const name of BY_DOUBT) distribution(`${name}*unsure`);
  for (const name of BY_NO_CUE) distribution(`${name}*no-cue`);
  return names;
})();

const RULE_SLOT = new Map(LABELS.map((l, k) => [l, 3 + k]));
/** The slots of the distribution features, looked up once rather than by name at every pair. */
const SELF_SLOT = slots.get('self')!;
const SELF_NO_CUE_SLOT = slots.get('self*no-cue')!;
const slotsOf = (names: readonly ContextName[], suffix: string): [ContextName, number][] => names.map((name) => [name, slots.get(`${name}${suffix}`)!]);
const CONTEXT_SLOTS = slotsOf(CONTEXTS, '');
const BY_DOUBT_SLOTS = slotsOf(BY_DOUBT, '*unsure');
const BY_NO_CUE_SLOTS = slotsOf(BY_NO_CUE, '*no-cue');

/** One pair's feature values, over FEATURE_NAMES. */
function pairContextValues(view: ArticleView, r: FirstReading): number[] {
  // A plain array: a typed array this long is allocated outside the heap, which costs more at every pair.
  const x = new Array<number>(FEATURE_NAMES.length).fill(0);
  const put = (at: number, d: Distribution, scale = 1): void => {
    if (d === null) x[at] = 1;
    else for (let k = 0; k < 3; k++) x[at + 1 + k] = d[k]! * scale;
  };
  const self = r.probabilities.map((p) => Math.log(Math.max(p, 1e-6)));
  const unsure = 1 - Math.max(...r.probabilities);
  const noCue = r.cued ? 0 : 1;
  x[0] = 1;
  x[1] = noCue;
  x[2] = unsure;
  x[RULE_SLOT.get(r.rule)!] = 1;
  put(SELF_SLOT, self);
  put(SELF_NO_CUE_SLOT, self, noCue);
  const context = contextOf(view, r);
  for (const [name, at] of CONTEXT_SLOTS) put(at, context[name]!);
  for (const [name, at] of BY_DOUBT_SLOTS) put(at, context[name]!, unsure);
  for (const [name, at] of BY_NO_CUE_SLOTS) put(at, context[name]!, noCue);
  return x;
}

/** Every pair's feature values over FEATURE_NAMES, in the order of `readings` (one article's pairs). */
function contextValues(readings: readonly FirstReading[]): number[][] {
  const view = viewOf(readings);
  return readings.map((r) => pairContextValues(view, r));
}

/** Every pair's named context features (those not 0), in the order of `readings`: what training reads. */
export function contextFeatures(readings: readonly FirstReading[]): Record<string, number>[] {
  return contextValues(readings).map((x) => {
    const named: Record<string, number> = {};
    x.forEach((v, i) => {
      if (v !== 0) named[FEATURE_NAMES[i]!] = v;
    });
    return named;
  });
}

/** A model's weights laid out over FEATURE_NAMES, three a feature (0 where it has none). */
const compiled = new WeakMap<ContextModel, Float64Array>();

function weightsOf(model: ContextModel): Float64Array {
  let w = compiled.get(model);
  if (!w) {
    w = new Float64Array(FEATURE_NAMES.length * 3);
    FEATURE_NAMES.forEach((name, i) => {
      const row = model.weights[name];
      if (row) for (let k = 0; k < 3; k++) w![i * 3 + k] = row[k]!;
    });
    compiled.set(model, w);
  }
  return w;
}

/** Label probabilities from one pair's feature values. */
function contextScores(model: ContextModel, x: readonly number[]): number[] {
  const w = weightsOf(model);
  const z = [0, 0, 0];
  for (let i = 0; i < x.length; i++) {
    const v = x[i]!;
    if (v === 0) continue;
    z[0]! += w[i * 3]! * v;
    z[1]! += w[i * 3 + 1]! * v;
    z[2]! += w[i * 3 + 2]! * v;
  }
  return softmax(z, model.temperature);
}

/** Every pair's stance in its article's context, in the order of `readings`; with `explain`, that many reasons each. */
export function readInContext(model: ContextModel, readings: readonly FirstReading[], explain = 0): ContextReading[] {
  // Each pair's values are made as it is read, not all first: a 10 MB article has 260,000 pairs.
  const view = viewOf(readings);
  return readings.map((r) => {
    const x = pairContextValues(view, r);
    const p = contextScores(model, x);
    let best = 0;
    for (let k = 1; k < 3; k++) if (p[k]! > p[best]!) best = k;
    return { stance: LABELS[best]!, confidence: Math.round(p[best]! * 1000) / 1000, probabilities: p, because: explain > 0 ? strongest(model, x, best, explain) : [] };
  });
}

/** The pair's own first-stage reading and the constant: not context, and explained by the first stage's reasons. */
const OWN = /^(self|bias$)/;

/** The context features that pushed most toward label `best` over the others. */
function strongest(model: ContextModel, x: readonly number[], best: number, n: number): FeatureWeight[] {
  const because: FeatureWeight[] = [];
  for (let i = 0; i < x.length; i++) {
    const name = FEATURE_NAMES[i]!;
    const value = x[i]!;
    const w = model.weights[name];
    if (w === undefined || value === 0 || OWN.test(name)) continue;
    const others = [0, 1, 2].filter((k) => k !== best).map((k) => w[k]!);
    because.push({ feature: `context:${name}`, weight: Math.round((w[best]! - (others[0]! + others[1]!) / 2) * value * 1000) / 1000 });
  }
  because.sort((a, b) => b.weight - a.weight || (a.feature < b.feature ? -1 : 1));
  return because.filter((b) => b.weight > 0).slice(0, n);
}

/** The committed second stage, or null where none has been trained. Loaded on first use. */
export const defaultContextModel = committedJson<ContextModel>('context.json');

/** What a pair's first-stage features (features.ts) say besides its reading: whether its sentence has a cue, and the rules' stance. */
export function cueAndRule(features: readonly (string | { readonly name: string })[]): Pick<FirstReading, 'cued' | 'rule'> {
  let cued = false;
  let rule: Stance | undefined;
  for (const feature of features) {
    const name = typeof feature === 'string' ? feature : feature.name;
    if (name === 'cue:coop' || name === 'cue:conf') cued = true;
    else if (rule === undefined && name.startsWith('rule=')) rule = name.slice('rule='.length) as Stance;
  }
  return { cued, rule: rule ?? 'neutral' };
}
