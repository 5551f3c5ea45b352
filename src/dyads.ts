/**
 * Dyads: pairs of actors named in one sentence, tallied by the stance toward
 * the target. The sender is the source of its pairs; otherwise the earlier
 * actor of the set is. One walk serves the result's counts and the
 * collection report's evidence, so the two cannot drift apart.
 */
import { emptyTally } from './posture.js';
import type { Dyad, Sentence, Stance } from './types.js';

/** Paragraph roles whose sentences are read for stance (not bylines, datelines or captions). */
export const ANALYSED_ROLES: ReadonlySet<string> = new Set(['title', 'deck', 'body']);

export type DyadVisitor = (source: string, target: string, stance: Stance, sentence: Sentence) => void;

/** Calls `visit` for every ordered pair of actors named in each sentence. */
export function eachDyad(sentences: readonly Sentence[], order: readonly string[], sender: string | null, visit: DyadVisitor): void {
  const rank = (id: string): number => (id === sender ? -1 : order.indexOf(id));
  for (const s of sentences) {
    const ids = [...new Set(s.mentions.map((m) => m.actor))].sort((a, b) => rank(a) - rank(b));
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const target = ids[j]!;
        visit(ids[i]!, target, s.stances[target] ?? 'neutral', s);
      }
    }
  }
}

export function buildDyads(sentences: readonly Sentence[], order: readonly string[], sender: string | null): Dyad[] {
  const dyads = new Map<string, Dyad>();
  eachDyad(sentences, order, sender, (source, target, stance) => {
    const key = `${source}>${target}`;
    const dyad = dyads.get(key) ?? { source, target, ...emptyTally() };
    dyad[stance]++;
    dyads.set(key, dyad);
  });
  return [...dyads.values()];
}
