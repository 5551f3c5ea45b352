/** One article's result, reduced to what the collection report counts and quotes. */
import { ANALYSED_ROLES, eachDyad } from '../dyads.js';
import type { AnalysisResult, Stance, Tally } from '../types.js';
import type { ArticleDigest, Evidence } from './types.js';

/** A quoted sentence longer than this is cut at a word boundary and ends in "…". */
export const QUOTE_LIMIT = 400;

export function quote(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= QUOTE_LIMIT) return flat;
  const cut = flat.slice(0, QUOTE_LIMIT);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), QUOTE_LIMIT / 2))}…`;
}

const emptyTally = (): Tally => ({ cooperative: 0, conflictual: 0, neutral: 0 });

/**
 * The digest of one result. `evidencePerStance` bounds the sentences kept per
 * dyad and stance, so that the report can still prefer the sentences that carry
 * a tone when it caps a cell.
 */
export function digestOf(result: AnalysisResult, evidencePerStance: number): ArticleDigest {
  const title = result.meta.title;
  const date = result.input.date ?? result.meta.date;
  const ref = {
    path: result.input.path,
    ...(result.input.id !== undefined ? { id: result.input.id } : {}),
    ...(result.input.line !== undefined ? { line: result.input.line } : {}),
  };
  const analysed = result.sentences.filter((s) => ANALYSED_ROLES.has(result.paragraphs[s.paragraph]?.role ?? ''));
  const cells = new Map<string, ArticleDigest['dyads'][number]>();
  const kept = new Map<string, number>();
  eachDyad(
    analysed,
    result.actors.map((a) => a.id),
    result.sender,
    (source, target, stance: Stance, sentence) => {
      const key = `${source}>${target}`;
      let cell = cells.get(key);
      if (!cell) cells.set(key, (cell = { source, target, tally: emptyTally(), evidence: [] }));
      cell.tally[stance]++;
      const count = kept.get(`${key}>${stance}`) ?? 0;
      if (count >= evidencePerStance) return;
      kept.set(`${key}>${stance}`, count + 1);
      const evidence: Evidence = { ...ref, title, date, sentence: sentence.index, stance, text: quote(sentence.text) };
      cell.evidence.push(evidence);
    },
  );
  return {
    ...ref,
    title,
    date,
    source: result.input.source ?? result.meta.publisher,
    sender: result.sender,
    actors: result.actors.filter((a) => a.mentions > 0).map((a) => ({ id: a.id, name: a.name, tally: { ...a.tally } })),
    dyads: [...cells.values()],
  };
}
