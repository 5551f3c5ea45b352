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
import { readFileSync } from 'node:fs';
import { LABELS, softmax, type FeatureWeight } from './reader.js';
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

export interface ContextModel {
  /** Weights per feature, one per label in LABELS order. */
  weights: Record<string, number[]>;
  /** Softmax temperature fitted on dev, so that confidences are calibrated. */
  temperature: number;
  provenance: Record<string, unknown>;
}

export interface ContextReading {
  stance: Stance;
  confidence: number;
  /** The context features that weighed most for the chosen label, strongest first (named `context:...`). */
  because: FeatureWeight[];
}

type Distribution = readonly number[] | null;

/** The mean of some first-stage distributions; null where there are none. */
function meanOf(readings: readonly FirstReading[]): Distribution {
  if (readings.length === 0) return null;
  const mean = [0, 0, 0];
  for (const r of readings) for (let k = 0; k < 3; k++) mean[k]! += r.probabilities[k]! / readings.length;
  return mean;
}

/** Where each pair stands in its article: the pairs of each sentence, of each actor, and the sentences in order. */
interface ArticleView {
  bySentence: Map<number, FirstReading[]>;
  byActor: Map<string, FirstReading[]>;
  /** Each sentence's place among the sentences with pairs. */
  rank: Map<number, number>;
  sentences: number[];
}

function viewOf(readings: readonly FirstReading[]): ArticleView {
  const bySentence = new Map<number, FirstReading[]>();
  const byActor = new Map<string, FirstReading[]>();
  for (const r of readings) {
    (bySentence.get(r.sentence) ?? bySentence.set(r.sentence, []).get(r.sentence)!).push(r);
    (byActor.get(r.actor) ?? byActor.set(r.actor, []).get(r.actor)!).push(r);
  }
  const sentences = [...bySentence.keys()].sort((a, b) => a - b);
  return { bySentence, byActor, rank: new Map(sentences.map((s, i) => [s, i])), sentences };
}

/** The pair's context: the same actor in the article, the paragraph and the sentences either side; the sentence's other actors. */
function contextOf(view: ArticleView, r: FirstReading): Record<string, Distribution> {
  const same = view.byActor.get(r.actor)!.filter((q) => q !== r);
  const at = view.rank.get(r.sentence)!;
  const sentenceAt = (offset: number): FirstReading[] => view.bySentence.get(view.sentences[at + offset] ?? -1) ?? [];
  const sameIn = (offset: number): FirstReading[] => sentenceAt(offset).filter((q) => q.actor === r.actor);
  return {
    article: meanOf(same),
    para: meanOf(same.filter((q) => q.paragraph === r.paragraph)),
    prev: meanOf(sameIn(-1)),
    next: meanOf(sameIn(1)),
    others: meanOf(view.bySentence.get(r.sentence)!.filter((q) => q !== r)),
    prevAny: meanOf(sentenceAt(-1)),
    nextAny: meanOf(sentenceAt(1)),
  };
}

/** Context distributions whose weight grows where the pair is read unsure, and where its sentence has no cue. */
const BY_DOUBT = ['article', 'para', 'prev', 'next', 'others'];
const BY_NO_CUE = ['article', 'para', 'prev', 'others'];

/** The named feature values of one pair. */
function pairContextFeatures(view: ArticleView, r: FirstReading): Record<string, number> {
  const x: Record<string, number> = { bias: 1 };
  const put = (name: string, d: Distribution, scale = 1): void => {
    if (d === null) x[`${name}:none`] = 1;
    else for (let k = 0; k < 3; k++) x[`${name}:${LABELS[k]}`] = d[k]! * scale;
  };
  const self = r.probabilities.map((p) => Math.log(Math.max(p, 1e-6)));
  const unsure = 1 - Math.max(...r.probabilities);
  const noCue = r.cued ? 0 : 1;
  put('self', self);
  put('self*no-cue', self, noCue);
  const context = contextOf(view, r);
  for (const [name, d] of Object.entries(context)) put(name, d);
  for (const name of BY_DOUBT) put(`${name}*unsure`, context[name]!, unsure);
  for (const name of BY_NO_CUE) put(`${name}*no-cue`, context[name]!, noCue);
  x['no-cue'] = noCue;
  x['unsure'] = unsure;
  x[`rule=${r.rule}`] = 1;
  return x;
}

/** Every pair's context features, in the order of `readings` (one article's pairs). */
export function contextFeatures(readings: readonly FirstReading[]): Record<string, number>[] {
  const view = viewOf(readings);
  return readings.map((r) => pairContextFeatures(view, r));
}

/** Label probabilities from one pair's context features. */
export function contextScores(model: ContextModel, features: Record<string, number>): number[] {
  const z = [0, 0, 0];
  for (const [name, value] of Object.entries(features)) {
    const w = model.weights[name];
    if (w === undefined) continue;
    for (let k = 0; k < 3; k++) z[k]! += w[k]! * value;
  }
  return softmax(z, model.temperature);
}

/** Every pair's stance in its article's context, in the order of `readings`; with `explain`, that many reasons each. */
export function readInContext(model: ContextModel, readings: readonly FirstReading[], explain = 0): ContextReading[] {
  return contextFeatures(readings).map((x) => {
    const p = contextScores(model, x);
    let best = 0;
    for (let k = 1; k < 3; k++) if (p[k]! > p[best]!) best = k;
    return { stance: LABELS[best]!, confidence: Math.round(p[best]! * 1000) / 1000, because: explain > 0 ? strongest(model, x, best, explain) : [] };
  });
}

/** The pair's own first-stage reading and the constant: not context, and explained by the first stage's reasons. */
const OWN = /^(self|bias$)/;

/** The context features that pushed most toward label `best` over the others. */
function strongest(model: ContextModel, x: Record<string, number>, best: number, n: number): FeatureWeight[] {
  const because: FeatureWeight[] = [];
  for (const [name, value] of Object.entries(x)) {
    const w = model.weights[name];
    if (w === undefined || value === 0 || OWN.test(name)) continue;
    const others = [0, 1, 2].filter((k) => k !== best).map((k) => w[k]!);
    because.push({ feature: `context:${name}`, weight: Math.round((w[best]! - (others[0]! + others[1]!) / 2) * value * 1000) / 1000 });
  }
  because.sort((a, b) => b.weight - a.weight || (a.feature < b.feature ? -1 : 1));
  return because.filter((b) => b.weight > 0).slice(0, n);
}

let loaded: ContextModel | null | undefined;

/** The committed second stage, or null where none has been trained. Loaded on first use. */
export function defaultContextModel(): ContextModel | null {
  if (loaded === undefined) {
    try {
      loaded = JSON.parse(readFileSync(new URL('../model/context.json', import.meta.url), 'utf8')) as ContextModel;
    } catch {
      loaded = null;
    }
  }
  return loaded;
}

/** What a pair's first-stage features (features.ts) say besides its reading: whether its sentence has a cue, and the rules' stance. */
export function cueAndRule(features: readonly string[]): Pick<FirstReading, 'cued' | 'rule'> {
  const rule = features.find((f) => f.startsWith('rule='))?.slice('rule='.length) as Stance | undefined;
  return { cued: features.includes('cue:coop') || features.includes('cue:conf'), rule: rule ?? 'neutral' };
}
