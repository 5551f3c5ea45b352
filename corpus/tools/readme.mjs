#!/usr/bin/env node
// Writes corpus/README.md from the manifest, the gold files and the agreement report, so that its
// counts are always those of the corpus as it is.
// usage: node corpus/tools/readme.mjs
import fs from 'node:fs';
import path from 'node:path';

const root = path.join(path.dirname(new URL(import.meta.url).pathname), '..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'manifest.json'), 'utf8'));
const agreementPath = path.join(root, 'agreement', 'report.json');
const agreement = fs.existsSync(agreementPath) ? JSON.parse(fs.readFileSync(agreementPath, 'utf8')) : null;
const SPLITS = ['train', 'dev', 'test'];

const labels = {};
const forms = {};
for (const r of manifest) {
  const gold = JSON.parse(fs.readFileSync(path.join(root, 'articles', `${r.name}.gold.json`), 'utf8'));
  labels[r.split] ??= { cooperative: 0, conflictual: 0, neutral: 0, ambiguous: 0 };
  for (const s of gold.sentences) {
    for (const v of Object.values(s.stances ?? {})) labels[r.split][v]++;
    for (const m of s.mentions ?? []) forms[m.form] = (forms[m.form] ?? 0) + 1;
  }
}

const table = (key, values) => {
  const rows = values.map((v) => {
    const of = manifest.filter((r) => r[key] === v);
    const per = SPLITS.map((s) => of.filter((r) => r.split === s).length);
    return `| ${v} | ${per.join(' | ')} | ${of.length} | ${of.reduce((n, r) => n + r.pairs, 0)} |`;
  });
  const totals = SPLITS.map((s) => manifest.filter((r) => r.split === s).length);
  return [`| ${key} | train | dev | test | articles | stance pairs |`, '|---|---|---|---|---|---|', ...rows,
    `| all | ${totals.join(' | ')} | ${manifest.length} | ${manifest.reduce((n, r) => n + r.pairs, 0)} |`].join('\n');
};
const distinct = (key) => [...new Set(manifest.map((r) => r[key]))].sort();
const era = (date) => {
  const y = Number(date.slice(0, 4));
  return y < 1990 ? '1955-1989 (Cold War)' : y < 2000 ? '1990-1999' : y < 2010 ? '2000-2009' : y < 2020 ? '2010-2019' : '2020-';
};
for (const r of manifest) r.era = era(r.date);
for (const r of manifest) r.senderKind = r.sender === null ? 'none' : 'one capital';
const words = manifest.map((r) => r.words).sort((a, b) => a - b);
const pct = (n, d) => `${((100 * n) / d).toFixed(1)} %`;

const labelRows = SPLITS.map((s) => {
  const l = labels[s] ?? { cooperative: 0, conflictual: 0, neutral: 0, ambiguous: 0 };
  const total = l.cooperative + l.conflictual + l.neutral + l.ambiguous;
  return `| ${s} | ${l.cooperative} (${pct(l.cooperative, total)}) | ${l.conflictual} (${pct(l.conflictual, total)}) | ${l.neutral} (${pct(l.neutral, total)}) | ${l.ambiguous} |`;
});

const decisionFiles = fs.existsSync(path.join(root, 'agreement')) ? fs.readdirSync(path.join(root, 'agreement')).filter((f) => /^decisions-\d+\.txt$/.test(f)) : [];
const decisionsByFile = new Map(decisionFiles.map((f) => [f, fs.readFileSync(path.join(root, 'agreement', f), 'utf8').split('\n').filter((l) => /^\S+ #\d+ /.test(l))]));
const decisions = [...decisionsByFile.values()].flat();
// The first four rounds marked each (sentence, actor) decision the rules did not decide ("UNCLEAR:");
// the later ones listed the sentences, with the rule applied, in unclear-rules-N.txt. The two are
// counted apart: pairs and sentences are different units.
const unclearPairs = decisions.filter((l) => /UNCLEAR:/.test(l)).length;
const laterRounds = decisionFiles.filter((f) => !decisionsByFile.get(f).some((l) => l.includes('UNCLEAR:')));
const unclearSentences = laterRounds
  .map((f) => path.join(root, 'agreement', f.replace('decisions-', 'unclear-rules-')))
  .filter((f) => fs.existsSync(f))
  .reduce((n, f) => n + fs.readFileSync(f, 'utf8').split('\n').filter((l) => l.trim()).length, 0);
const unclear = `${unclearPairs} decisions in the first four rounds${unclearSentences ? ` and ${unclearSentences} sentences in the ${laterRounds.length > 1 ? 'later ones' : 'fifth'}` : ''}`;
const agreementText = agreement
  ? `Second annotators (each working alone, like the writers) labelled ${agreement.articles} articles of train and dev (${pct(agreement.articles, manifest.filter((r) => r.split !== 'test').length)} of them, ${pct(agreement.articles, manifest.length)} of the corpus; chosen by \`corpus/tools/agreement.mjs sample\`, stratified by kind) from the article and its numbered sentences alone, never seeing the first gold. The figures
compare the two annotations as made, before adjudication.

| measure | value |
|---|---|
| stance pairs labelled by both | ${agreement.stancePairs} |
| stance agreement | ${agreement.stanceAgreement} |
| Cohen's kappa on stance | ${agreement.stanceKappa} |
| actors found by both (of those either found) | ${agreement.mentionAgreement} |
| posture agreement (${agreement.postures} actor postures) | ${agreement.postureAgreement} |
| sender agreement | ${agreement.senderAgreement} |

An adjudicator, seeing both labels and the article, decided each of the ${decisions.length} disagreements by
docs/ANALYSIS.md (\`agreement/decisions-K.txt\`, applied to the sheets by \`tools/adjudicate.mjs\`); where the
rules did not decide (${unclear}), the rule it applied was written into docs/ANALYSIS.md (see the CHANGELOG). Per-article
agreement is in \`agreement/report.json\`, the disagreements in \`agreement/disagreements-K.txt\`.`
  : 'The second annotation is not done yet.';

const metaReport = fs.existsSync(path.join(root, 'meta', 'report.json')) ? JSON.parse(fs.readFileSync(path.join(root, 'meta', 'report.json'), 'utf8')) : null;
const metaText = metaReport
  ? `The gold files' \`meta\` holds each writer's header: a publisher and a full date for every
article, as the shared gold format requires, even where the text gives neither. What a reader can
take from the text is annotated apart, by docs/ANALYSIS.md §1a (author, publisher and date from the
byline and a dateline; null when the text states none), in \`meta.json\`:
- **First annotation.** Three annotators for the first 880 articles and two for the batches
  after them (each working alone, seeing only §1a and the articles' text) read all
  ${metaReport.articles} articles (\`meta/first.json\`); the cases they found unclear are in
  \`meta/unclear.txt\`.
- **Second annotation.** Others read ${metaReport.sampled} articles (every fifth by name of the first
  880, one in five by a hash of the name of the later ones; \`meta/second.json\`) without seeing
  the first. Agreement as made: author ${metaReport.agreement.author.toFixed(2)}, publisher
  ${metaReport.agreement.publisher.toFixed(2)}, date ${metaReport.agreement.date.toFixed(2)}.
- **Adjudication.** An adjudicator, in each round, decided the disagreements and the unclear cases (${metaReport.adjudicated}
  articles; \`meta/adjudicated.json\`, reasons in \`meta/decisions.txt\`): ${metaReport.changedByAdjudication.author} authors, ${metaReport.changedByAdjudication.publisher} publishers and
  ${metaReport.changedByAdjudication.date} dates changed. The rules the disagreements and unclear cases came from were written into
  §1a: in the first round, the title never gives the publisher and a named publication is the
  publisher rather than the institution behind it; in the second, a briefing's spokesperson is
  no writer, nor are those credited with additional reporting or editing, and a translation in
  parentheses, a desk or a section is no publisher; in the third (the fifth batch), a writer's
  affiliation is the publisher where the byline names nothing else, a credited agency standing
  alone is the publisher, and an issue number is no part of a publication's name; in the
  fourth (the sixth batch; no field changed), where reporters filed from is no part of their
  names, a lower-case description, an edition or a lower-case "the" is no part of a
  publication's, a distinctive name heading the byline alone is the publisher, and an outlet
  in the "by" slot is the publisher, with no author; in the fifth (the seventh batch; no field
  changed), a listed description word after an agency's name goes even when capitalised, an
  issuing office standing alone is the publisher, an institution in the byline's location line
  is the publisher, and a pen name or a role names no author.
- In all, ${metaReport.nulls.author} articles name no author, ${metaReport.nulls.publisher} no publisher and ${metaReport.nulls.date} give no full date.
  \`node corpus/tools/meta.mjs\` rebuilds \`meta.json\` and \`meta/report.json\`.`
  : 'The metadata annotation is not done yet.';

const text = `# The nkmsg corpus

${manifest.length} original articles about how states signal to one another, each with a gold
annotation in the fixtures' format (\`articles/NAME.txt\`, \`articles/NAME.gold.json\`, and
\`articles/NAME.actors.json\` where the article has its own actors). Every gold file passes
\`node ../shared/tools/validate-gold.mjs corpus/articles\`. The stance reader is fitted on train,
studied on dev, and scored on test only at milestones.

## How it was made
- **Plan.** \`tools/plan.mjs\` drew the slots (\`plan.json\`): 320 for eight annotators in a first
  batch, 560 for seven more in a second, and 280 each for seven more in a third, a fourth, a
  fifth, a sixth and a seventh,
  each slot with a kind, an era, an actor set (default or a list of other capitals), whether the
  article has a sender, and a layout (CRLF, hard-wrapped, BOM). The corpus has the slots that
  were written.
- **Writing and annotating, blind.** Each annotator worked alone and saw only
  \`docs/ANALYSIS.md\`, \`../shared/spec/ANNOTATING.md\`, \`tools/SHEET.md\`, the seed article with
  its gold, and the plan: never the code, the fixtures' expectations or nkmsg's output. They wrote
  original prose (real leaders appear only in paraphrase; quotes belong to invented or unnamed
  officials), put the hard cases in on purpose (negation and its reach, reported speech,
  hypotheticals and conditional warnings, contrast and concession clauses, passives, actors as
  place or topic only, both polarities in one sentence, evaluative words, irony, trap names), and
  annotated each sentence in a sheet (\`sheets/WRITER/NAME.sheet\`, format in \`tools/SHEET.md\`).
- **Building.** \`tools/sheet.mjs\` turns a sheet into the article (laid out as its header asks) and
  its gold (postures computed by the posture rule); \`tools/build.mjs\` rebuilds every article,
  keeps those whose gold validates, and writes \`manifest.json\`.
- **Splits.** \`tools/build.mjs\` gives each new article a split, stratified by kind (60 / 20 / 20),
  and records it in \`splits.json\`; an article never changes split. The test split was frozen
  after the first batch (\`test-frozen.json\`; the build refuses to change it), so the second
  batch went to train and dev only (75 / 25), and the third to the seventh, written when the
  learning curve showed that training text pays and dev (8,400 pairs) was already large enough
  to measure by, to train only. The test split is scored only at milestones, and its errors are
  never read while developing.

## Counts
${table('kind', distinct('kind'))}

${table('era', distinct('era'))}

${table('senderKind', distinct('senderKind'))}

${table('actors', distinct('actors'))}

${table('layout', distinct('layout'))}

Length: ${words[0]} to ${words.at(-1)} words (median ${words[Math.floor(words.length / 2)]}).
Mentions by form: ${Object.entries(forms).sort((a, b) => b[1] - a[1]).map(([f, n]) => `${f} ${n}`).join(', ')}.

## Stance labels
| split | cooperative | conflictual | neutral | ambiguous |
|---|---|---|---|---|
${labelRows.join('\n')}

## Agreement
${agreementText}

## Metadata
${metaText}

## Regenerating
    node corpus/tools/build.mjs      # articles, manifest and splits from the sheets
    node corpus/tools/meta.mjs       # meta.json from the metadata annotations
    node corpus/tools/readme.mjs     # this file
`;
fs.writeFileSync(path.join(root, 'README.md'), text);
console.log(`corpus/README.md: ${manifest.length} articles`);
