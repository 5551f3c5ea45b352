/**
 * The human report: a header, the actor table with a small tally bar, then
 * one block per receiver with its verdict and quoted summary sentences.
 * Every piece of article text goes through `safeLine`.
 */
import { eastAsianWidth } from 'get-east-asian-width';
import type { ActorReport, AnalysisResult, Posture, Tally } from '../types.js';
import { colours, type FormatOptions, type Palette } from './options.js';
import { safeLine } from './sanitize.js';

const BAR_WIDTH = 12;

/**
 * Splits `width` cells between the three counts, largest remainders first.
 * Equal counts get equal cells: a cell that cannot go to every count of a
 * tie goes to a smaller remainder, or stays blank.
 */
export function barCells(tally: Tally, width = BAR_WIDTH): [number, number, number] {
  const counts = [tally.cooperative, tally.conflictual, tally.neutral];
  const total = counts[0]! + counts[1]! + counts[2]!;
  if (total === 0) return [0, 0, 0];
  const exact = counts.map((c) => (c * width) / total);
  const cells = exact.map(Math.floor);
  let left = width - cells.reduce((a, b) => a + b, 0);
  const remainder = (i: number): number => exact[i]! - cells[i]!;
  const order = [0, 1, 2].filter((i) => remainder(i) > 0).sort((a, b) => remainder(b) - remainder(a));
  for (const i of order) {
    const tie = order.filter((j) => counts[j] === counts[i]);
    if (tie[0] !== i || tie.length > left) continue;
    for (const j of tie) cells[j]!++;
    left -= tie.length;
  }
  return cells as [number, number, number];
}

/**
 * The tally as a bar of `+` cooperative, `-` conflictual and `.` neutral cells: the glyphs tell
 * them apart in every mode (colour-blind readers, plain terminals); colour, where on, only
 * reinforces them (green, red, grey).
 */
export function tallyBar(tally: Tally, chalk: Palette, width = BAR_WIDTH): string {
  const [c, k, n] = barCells(tally, width);
  return chalk.green('+'.repeat(c)) + chalk.red('-'.repeat(k)) + chalk.gray('.'.repeat(n)) + ' '.repeat(width - c - k - n);
}

export function paintPosture(posture: Posture, chalk: Palette, text: string = posture): string {
  switch (posture) {
    case 'friendly':
      return chalk.green(text);
    case 'hostile':
      return chalk.red(text);
    case 'mixed':
      return chalk.yellow(text);
    default:
      return chalk.gray(text);
  }
}

const ZERO_WIDTH = /[\p{M}\p{Cf}]/u;

/** How many terminal columns `text` takes: two for a wide or full-width character ("北"), none for a combining mark or format character. */
export function columns(text: string): number {
  let n = 0;
  for (const ch of text) n += ZERO_WIDTH.test(ch) ? 0 : eastAsianWidth(ch.codePointAt(0)!);
  return n;
}

const pad = (text: string, width: number): string => text + ' '.repeat(Math.max(0, width - columns(text)));
const padStart = (text: string, width: number): string => ' '.repeat(Math.max(0, width - columns(text))) + text;

export const actorName = (result: AnalysisResult, id: string | null): string | null =>
  id === null ? null : safeLine(result.actors.find((a) => a.id === id)?.name ?? id);

const SEE_MESSAGES = 'name one with --sender ID to see its messages';

/** Why there is no sender, by the way the analysis decided it. */
const NO_SENDER: Partial<Record<AnalysisResult['senderEvidence']['method'], string>> = {
  relayed: `a report of several actors; ${SEE_MESSAGES}`,
  spread: `no one actor's signalling stands ahead of the others'; ${SEE_MESSAGES}`,
  none: 'no actor is named',
};

/** Why the result has no sender, in words. */
export const noSenderReason = (result: AnalysisResult): string => NO_SENDER[result.senderEvidence.method] ?? NO_SENDER['relayed']!;

function header(result: AnalysisResult, chalk: Palette): string[] {
  const { meta } = result;
  const lines = [chalk.bold(safeLine(meta.title ?? '(untitled)'))];
  const about = [meta.publisher, meta.author, meta.date].filter((x): x is string => !!x).map(safeLine);
  about.push(result.input.id !== undefined ? `${safeLine(result.input.path)} #${safeLine(String(result.input.id))}` : safeLine(result.input.path));
  lines.push(chalk.gray(about.join(' · ')));
  if (result.sender === null) {
    lines.push(`Sender: none ${chalk.gray(`(${noSenderReason(result)})`)}`);
  } else {
    lines.push(`Sender: ${actorName(result, result.sender)}`);
  }
  return lines;
}

/**
 * A posture's likelihood as a percentage ("91%"; ">99%" and "<1%" at the ends, which the reader's
 * calibration does not vouch for more finely), between `before` and `after`; "" where there is
 * none (the rules alone, no stance, or a result saved before it was added).
 */
export function likely(p: number | null | undefined, before = '', after = ''): string {
  if (p === null || p === undefined) return '';
  const percent = p >= 0.995 ? '>99%' : p < 0.005 ? '<1%' : `${Math.round(p * 100)}%`;
  return `${before}${percent}${after}`;
}

function actorTable(result: AnalysisResult, chalk: Palette): string[] {
  const rows = result.actors.map((a: ActorReport) => ({
    name: safeLine(a.name) + (a.id === result.sender ? ' (sender)' : ''),
    mentions: String(a.mentions),
    counts: `${a.tally.cooperative}/${a.tally.conflictual}/${a.tally.neutral}`,
    actor: a,
  }));
  const nameWidth = Math.max(5, ...rows.map((r) => columns(r.name)));
  const countWidth = Math.max(14, ...rows.map((r) => r.counts.length));
  const lines = [
    chalk.gray(`${pad('Actor', nameWidth)}  Mentions  ${pad('Tally', BAR_WIDTH)}  ${pad('coop/conf/neut', countWidth)}  Posture (likelihood)`),
  ];
  for (const r of rows) {
    lines.push(
      `${pad(r.name, nameWidth)}  ${padStart(r.mentions, 8)}  ${tallyBar(r.actor.tally, chalk)}  ${pad(r.counts, countWidth)}  ${paintPosture(r.actor.posture, chalk)}` +
        chalk.gray(likely(r.actor.postureConfidence, ' ') + (r.actor.uncertain > 0 ? ` (${r.actor.uncertain} unsure)` : '')),
    );
  }
  return lines;
}

function messages(result: AnalysisResult, chalk: Palette): string[] {
  const lines: string[] = [];
  for (const a of result.actors) {
    if (!a.message) continue;
    const unsure = chalk.gray(likely(a.message.postureConfidence, ' · section posture ', ' likely') + (a.message.uncertain > 0 ? ` · ${a.message.uncertain} of these stances below 0.5 confidence` : ''));
    lines.push('', paintPosture(a.message.posture, chalk, safeLine(a.message.verdict)) + unsure);
    for (const s of a.message.summary) lines.push(`  “${safeLine(s.text)}” ${chalk.gray(`[${s.sentence}]`)}`);
  }
  if (lines.length === 0 && result.sender !== null) lines.push('', chalk.gray('No message sections: no receiver of a message was found.'));
  return lines;
}

/** The dyads most often named, busiest first, for a report with no sender (ANALYSIS.md §4: tallies, postures and dyads). */
export function busiestDyads(result: AnalysisResult, limit = DYADS_SHOWN): AnalysisResult['dyads'] {
  const total = (d: Tally): number => d.cooperative + d.conflictual + d.neutral;
  const order = result.actors.map((a) => a.id);
  return [...result.dyads]
    .sort((a, b) => total(b) - total(a) || order.indexOf(a.source) - order.indexOf(b.source) || order.indexOf(a.target) - order.indexOf(b.target))
    .slice(0, limit);
}

/** How many dyads a sender-less text report lists. */
export const DYADS_SHOWN = 8;

/** The line above the dyads a sender-less report lists, `shown` of them. */
export const dyadsHeading = (result: AnalysisResult, shown: number): string =>
  `Dyads (actors named in one sentence; stance toward the second)${result.dyads.length > shown ? `, the ${shown} busiest of ${result.dyads.length}` : ''}:`;

function dyadLines(result: AnalysisResult, chalk: Palette): string[] {
  if (result.sender !== null || result.dyads.length === 0) return [];
  const dyads = busiestDyads(result);
  const rows = dyads.map((d) => ({ pair: `${actorName(result, d.source)} -> ${actorName(result, d.target)}`, d }));
  const width = Math.max(...rows.map((r) => columns(r.pair)));
  return [
    '',
    chalk.gray(dyadsHeading(result, dyads.length)),
    ...rows.map((r) => `  ${pad(r.pair, width)}  ${tallyBar(r.d, chalk)}  ${r.d.cooperative}/${r.d.conflictual}/${r.d.neutral}`),
  ];
}

export function formatText(result: AnalysisResult, options: FormatOptions = {}): string {
  const chalk = colours(options);
  const lines = [...header(result, chalk), '', ...actorTable(result, chalk), ...messages(result, chalk), ...dyadLines(result, chalk)];
  if (result.others.length > 0) {
    lines.push('', chalk.gray(`Other states mentioned: ${result.others.map((o) => `${safeLine(o.name)} (${o.mentions})`).join(', ')}`));
  }
  return lines.join('\n') + '\n';
}
