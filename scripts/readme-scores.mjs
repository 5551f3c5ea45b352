// The README's "How well it reads" table, from model/scores.json (written at a milestone by
// `node scripts/eval.mjs --test --json model/scores.json`). update-readme.mjs calls it.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const f = (v) => (v === null || v === undefined ? '-' : v.toFixed(2));

export function scoresBlock(root) {
  const path = join(root, 'model', 'scores.json');
  if (!existsSync(path)) return null;
  const { splits, learningCurve, model } = JSON.parse(readFileSync(path, 'utf8'));
  const row = (label, s, note = '') =>
    `| ${label} | ${s.articles} | ${s.stancePairs} | ${f(s.stanceAccuracy)} | ${f(s.stanceMacroF1)} | ${f(s.postureAccuracy)} | ${f(s.mentionF1)} | ${f(s.senderAccuracy)} | ${f(s.calibrationError)} |${note}`;
  const lines = [
    '| data | articles | stance pairs | stance accuracy | macro-F1 | postures | mention F1 | sender | calibration error |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    row('**corpus test split** (frozen, never fitted to)', splits.test.learned),
    row('corpus test split, the rules alone (the previous reader)', splits.test.rules),
    row('corpus dev split (error analysis, temperature)', splits.dev.learned),
    row('the seed article (in the training data)', splits.seed.learned),
    row('the 16 fixtures (in the training data; the rules were written on them)', splits.fixtures.learned),
  ];
  const curve = (learningCurve ?? []).map((p) => `${p.share * 100} % of train (${p.trainArticles} articles): ${f(p.devAccuracy)}`).join('; ');
  const kinds = Object.entries(splits.test.learned.byKind).map(([k, v]) => `${k} ${f(v.accuracy)}`).join(', ');
  const share = (m) => (m ? `${m.right}/${m.of} (${f(m.share)})` : '-');
  const messageRow = (label, s) =>
    `| ${label} | ${f(s.senderAccuracy)} | ${f(s.nullSender?.precision)} / ${f(s.nullSender?.recall)} | ${f(s.messageF1)} | ${share(s.metadata?.title)} | ${share(s.metadata?.author)} | ${share(s.metadata?.publisher)} | ${share(s.metadata?.date)} |`;
  const messages = splits.test.learned.metadata
    ? [
        '| data | sender | "none": precision / recall | message-section F1 | title | author | publisher | date |',
        '| --- | --- | --- | --- | --- | --- | --- | --- |',
        messageRow('**corpus test split**', splits.test.learned),
        messageRow('corpus dev split', splits.dev.learned),
      ].join('\n')
    : '';
  const headers = splits.test.learned.metadataHeaders;
  return [
    lines.join('\n'),
    '',
    messages,
    messages
      ? `Metadata is scored against what each article's text states (corpus/README.md, "Metadata"); against the writers' headers, which often name a date or publisher the text does not, the test split's publisher is ${share(headers?.publisher)} and date ${share(headers?.date)}.`
      : '',
    `By kind of article (test split, stance accuracy): ${kinds}.`,
    curve ? `Learning curve (dev stance accuracy): ${curve}.` : '',
    `Model: ${model.features.toLocaleString('en-US')} weighted features, softmax temperature ${model.temperature}, trained on ${model.provenance.counts.trainArticles} articles (${model.provenance.counts.pairs.toLocaleString('en-US')} pairs).`,
  ].filter((l) => l !== '').join('\n\n');
}
