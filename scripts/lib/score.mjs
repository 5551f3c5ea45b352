// The gold scorer as a function (shared/spec/ANALYSIS.md): one JSON result against one gold file.
// scripts/score.mjs is its command line; the training and evaluation scripts call it directly.
const norm = (s) => String(s ?? '').replace(/[\s\u00a0\ufeff]+/g, ' ').trim();
const toks = (s) => norm(s).toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
const ANALYSED = new Set(['title', 'deck', 'body']);

/** Each gold sentence's predicted sentence: exact text, else best token overlap (Jaccard >= 0.5), else null. */
export function alignSentences(gold, res) {
const paraRole = new Map((res.paragraphs ?? []).map((p) => [p.index, p.role]));
const pred = (res.sentences ?? []).map((s) => ({ ...s, n: norm(s.text), t: new Set(toks(s.text)), role: paraRole.get(s.paragraph) }));

// align each gold sentence to one predicted sentence: exact text, else best token overlap (Jaccard >= 0.5)
let exact = 0;
const align = gold.sentences.map((g) => {
  const n = norm(g.text);
  let hit = pred.find((p) => p.n === n);
  if (hit) { exact++; return hit; }
  const gt = new Set(toks(g.text));
  let best = null, bestJ = 0;
  for (const p of pred) {
    let inter = 0; for (const t of gt) if (p.t.has(t)) inter++;
    const j = inter / (gt.size + p.t.size - inter || 1);
    if (j > bestJ) { bestJ = j; best = p; }
  }
  return bestJ >= 0.5 ? best : null;
});
return { align, pred, exact };
}

export function scoreArticle(gold, res, verbose = false) {
const { align, pred, exact } = alignSentences(gold, res);
const paraRole = new Map((res.paragraphs ?? []).map((p) => [p.index, p.role]));
const f1 = (tp, fp, fn) => { const p = tp / (tp + fp || 1), r = tp / (tp + fn || 1); return { p: +p.toFixed(3), r: +r.toFixed(3), f1: +(p + r ? (2 * p * r) / (p + r) : 0).toFixed(3), tp, fp, fn }; };

// roles
let roleOk = 0;
gold.sentences.forEach((g, i) => { if (align[i] && align[i].role === g.role) roleOk++; });

// mentions: (sentence, actor) pairs, pronoun-only pairs scored apart
let mtp = 0, mfp = 0, mfn = 0, prTot = 0, prHit = 0;
const errors = [];
gold.sentences.forEach((g, i) => {
  if (!ANALYSED.has(g.role)) return;
  const p = align[i];
  const gNon = new Set((g.mentions ?? []).filter((m) => m.form !== 'pronoun').map((m) => m.actor));
  const gPro = new Set((g.mentions ?? []).filter((m) => m.form === 'pronoun').map((m) => m.actor).filter((a) => !gNon.has(a)));
  const pAll = new Set((p?.mentions ?? []).map((m) => m.actor));
  for (const a of gNon) { if (pAll.has(a)) mtp++; else { mfn++; errors.push(`missed ${a} in #${g.index}`); } }
  for (const a of pAll) if (!gNon.has(a) && !gPro.has(a)) { mfp++; errors.push(`spurious ${a} in #${g.index}`); }
  for (const a of gPro) { prTot++; if (pAll.has(a)) prHit++; }
});
// spurious mentions in predicted sentences that align to no analysed gold sentence
const alignedSet = new Set(align.filter(Boolean));
for (const p of pred) if (!alignedSet.has(p)) for (const m of p.mentions ?? []) { mfp++; errors.push(`spurious ${m.actor} in unaligned "${p.n.slice(0, 40)}"`); }

// stance over non-ambiguous gold (sentence, actor) pairs
const LABELS = ['cooperative', 'conflictual', 'neutral'];
const cm = Object.fromEntries(LABELS.map((l) => [l, Object.fromEntries([...LABELS, 'none'].map((k) => [k, 0]))]));
let sTot = 0, sOk = 0;
gold.sentences.forEach((g, i) => {
  for (const [a, lab] of Object.entries(g.stances ?? {})) {
    if (lab === 'ambiguous') continue;
    sTot++;
    const pl = align[i]?.stances?.[a] ?? 'none';
    cm[lab][LABELS.includes(pl) ? pl : 'none']++;
    if (pl === lab) sOk++; else errors.push(`stance ${a} #${g.index}: gold ${lab}, got ${pl}`);
  }
});
const macro = LABELS.map((l) => {
  const tp = cm[l][l], fn = Object.values(cm[l]).reduce((x, y) => x + y, 0) - tp;
  const fp = LABELS.filter((k) => k !== l).reduce((x, k) => x + cm[k][l], 0);
  return f1(tp, fp, fn).f1;
});

// postures
const actors = new Map((res.actors ?? []).map((a) => [a.id, a]));
let posOk = 0; const posN = Object.keys(gold.postures ?? {}).length;
for (const [a, want] of Object.entries(gold.postures ?? {})) { const got = actors.get(a)?.posture; if (got === want) posOk++; else errors.push(`posture ${a}: gold ${want}, got ${got}`); }

// message sections: (sentence, receiver) pairs over analysed sentences
let xtp = 0, xfp = 0, xfn = 0;
gold.sentences.forEach((g, i) => {
  if (!ANALYSED.has(g.role)) return;
  const want = g.messageTo ?? null, got = align[i]?.messageTo ?? null;
  if (want && got === want) xtp++; else { if (want) xfn++; if (got) xfp++; if (want !== got) errors.push(`message #${g.index}: gold ${want}, got ${got}`); }
});
// summaries: share of summary sentences that lie inside the gold section of their receiver
let sumTot = 0, sumIn = 0, sumMissing = 0;
const goldSection = new Map();
gold.sentences.forEach((g) => { if (g.messageTo) { if (!goldSection.has(g.messageTo)) goldSection.set(g.messageTo, new Set()); goldSection.get(g.messageTo).add(norm(g.text)); } });
for (const [recv, set] of goldSection) {
  const summ = actors.get(recv)?.message?.summary ?? [];
  if (!summ.length) { sumMissing++; continue; }
  for (const s of summ) { sumTot++; if (set.has(norm(s.text))) sumIn++; }
}

const metaOk = ['title', 'publisher', 'date'].filter((k) => gold.meta?.[k] != null).map((k) => [k, norm(res.meta?.[k]) === norm(gold.meta[k])]);

const out = {
  article: gold.article,
  sentencesExact: +(exact / gold.sentences.length).toFixed(3),
  sentencesAligned: +(align.filter(Boolean).length / gold.sentences.length).toFixed(3),
  roleAccuracy: +(roleOk / gold.sentences.length).toFixed(3),
  meta: Object.fromEntries(metaOk),
  mentions: f1(mtp, mfp, mfn),
  pronounRecall: prTot ? +(prHit / prTot).toFixed(3) : null,
  stanceAccuracy: +(sOk / (sTot || 1)).toFixed(3),
  stanceMacroF1: +(macro.reduce((x, y) => x + y, 0) / 3).toFixed(3),
  stancePairs: sTot,
  postures: `${posOk}/${posN}`,
  postureAccuracy: +(posOk / (posN || 1)).toFixed(3),
  sender: { gold: gold.sender, got: res.sender ?? null, ok: res.sender === gold.sender },
  messages: f1(xtp, xfp, xfn),
  summaryInSection: sumTot ? +(sumIn / sumTot).toFixed(3) : 0,
  receiversWithoutSummary: sumMissing,
};
if (verbose) out.errors = errors;
out.confusion = cm;
return out;
}
