/** One article's result, reduced to what the collection report counts and quotes. */
import { ANALYSED_ROLES, eachDyad } from '../dyads.js';
import { emptyTally } from '../posture.js';
import type { AnalysisResult, Stance } from '../types.js';
import type { ArticleDigest, ArticleRef, Evidence } from './types.js';

/** Evidence sentences quoted per dyad cell, and kept per dyad and stance in a digest, unless told otherwise. */
export const DEFAULT_EVIDENCE_CAP = 5;

/** A quoted sentence longer than this is cut at a word boundary and ends in "…". */
export const QUOTE_LIMIT = 400;

export function quote(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= QUOTE_LIMIT) return flat;
  const cut = flat.slice(0, QUOTE_LIMIT);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), QUOTE_LIMIT / 2))}…`;
}


/** Where an article came from, as the report names it: its path, and its NDJSON id and line if it has them. */
export function articleRef(from: { path: string; id?: string | number; line?: number }): ArticleRef {
  return { path: from.path, ...(from.id !== undefined ? { id: from.id } : {}), ...(from.line !== undefined ? { line: from.line } : {}) };
}

/**
 * The digest of one result. `evidencePerStance` bounds the sentences kept per
 * dyad and stance (5 by default, the report's own cap), so that the report can
 * still prefer the sentences that carry a tone when it caps a cell; give the
 * builder's `evidenceCap` where that is set higher.
 */
export function digestOf(result: AnalysisResult, evidencePerStance: number = DEFAULT_EVIDENCE_CAP): ArticleDigest {
  const title = result.meta.title;
  const date = result.input.date ?? result.meta.date;
  const ref = articleRef(result.input);
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
    sha256: result.input.sha256,
    title,
    date,
    source: result.input.source ?? result.meta.publisher,
    sender: result.sender,
    actors: result.actors.filter((a) => a.mentions > 0).map((a) => ({ id: a.id, name: a.name, tally: { ...a.tally } })),
    dyads: [...cells.values()],
  };
}
