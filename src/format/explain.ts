/**
 * `--explain`: every analysed sentence with its actor mentions and stance
 * cues marked, its per-actor stances and its message section, so a reader
 * can see why a tally came out as it did.
 */
import type { AnalysisResult, Sentence, Stance } from '../types.js';
import { colours, type FormatOptions, type Palette } from './options.js';
import { safeLine } from './sanitize.js';

interface Mark {
  start: number;
  end: number;
  open: string;
  close: string;
  paint: (s: string) => string;
}

const paintStance = (stance: Stance, chalk: Palette): string =>
  stance === 'cooperative' ? chalk.green(stance) : stance === 'conflictual' ? chalk.red(stance) : chalk.gray(stance);

/** The sentence text with marks around mentions and cues; overlapping marks after the first are left out. */
export function markSentence(sentence: Sentence, chalk: Palette): string {
  const marks: Mark[] = [
    ...sentence.mentions.map((m) => ({
      start: m.start,
      end: m.end,
      open: '[',
      close: `:${m.actor}]`,
      paint: (s: string) => chalk.cyan.underline(s),
    })),
    ...sentence.cues.map((c) => ({
      start: c.start,
      end: c.end,
      open: '{',
      close: `:${c.polarity === 'cooperative' ? '+' : '-'}${c.negated ? '~' : ''}}`,
      paint: (s: string) => (c.negated ? chalk.strikethrough : (x: string) => x)(c.polarity === 'cooperative' ? chalk.green(s) : chalk.red(s)),
    })),
  ].sort((a, b) => a.start - b.start || b.end - a.end);

  let out = '';
  let at = sentence.start;
  for (const mark of marks) {
    if (mark.start < at || mark.end > sentence.end) continue;
    out += safeLine(sentence.text.slice(at - sentence.start, mark.start - sentence.start));
    const inner = safeLine(sentence.text.slice(mark.start - sentence.start, mark.end - sentence.start));
    out += chalk.level > 0 ? mark.paint(inner) + chalk.gray(mark.close.slice(0, -1).replace(/^:/, '·')) : mark.open + inner + mark.close;
    at = mark.end;
  }
  return out + safeLine(sentence.text.slice(at - sentence.start));
}

const METHODS: Record<AnalysisResult['senderEvidence']['method'], string> = {
  cue: 'message cues name it',
  voice: 'its state media published the article',
  subjects: 'no message cue names it; chosen by where it stands in the article (subjects, mentions, title, byline, publisher)',
  relayed: 'the article relays several actors\' words',
  spread: 'no one actor\'s signalling stands ahead of the others\'',
  none: 'no actor is mentioned',
  given: 'named with --sender',
};

/** Why the sender is who it is: the way it was found, the cue sentences, the votes. */
function senderLines(result: AnalysisResult, name: (id: string) => string, chalk: Palette): string[] {
  const e = result.senderEvidence;
  const who = e.sender === null ? 'none' : name(e.sender);
  const lines = [`${chalk.bold('Sender')}: ${who} · ${METHODS[e.method]} · confidence ${e.confidence.toFixed(2)}`];
  if (e.sentences.length > 0) lines.push(`  sentences with sender cues: ${e.sentences.map((i) => `[${i}]`).join(' ')}`);
  if (e.votes.length > 0) lines.push(`  votes: ${e.votes.map((v) => `${name(v.actor)} ${v.votes}`).join(', ')}${e.margin !== undefined ? ` (margin ${e.margin})` : ''}`);
  if (e.chooser) lines.push(`  chooser: ahead of ${e.chooser.runnerUp === null ? 'no sender' : name(e.chooser.runnerUp)} on ${e.chooser.because.join(', ') || 'no feature'}`);
  return lines;
}

export function formatExplain(result: AnalysisResult, options: FormatOptions = {}): string {
  const chalk = colours(options);
  const analysed = new Set(result.paragraphs.filter((p) => p.role === 'title' || p.role === 'deck' || p.role === 'body').map((p) => p.index));
  const name = (id: string): string => safeLine(result.actors.find((a) => a.id === id)?.name ?? id);
  const lines = [...senderLines(result, name, chalk), '', chalk.bold('Sentences'),
    chalk.gray(
      chalk.level > 0
        ? 'mentions underlined with their actor; cues green (cooperative) or red (conflictual), struck through when negated'
        : 'marks: [mention:actor]  {cue:+} cooperative  {cue:-} conflictual  ~ negated',
    ),
  ];
  for (const s of result.sentences) {
    if (!analysed.has(s.paragraph)) continue;
    const role = result.paragraphs[s.paragraph]?.role ?? 'body';
    const about = [`${role}`, `tone ${paintStance(s.tone, chalk)}`];
    if (s.messageTo) about.push(`message to ${name(s.messageTo)}`);
    lines.push('', `${chalk.gray(`[${s.index}]`)} ${about.join(' · ')}`, `  ${markSentence(s, chalk)}`);
    const stances = Object.entries(s.stances);
    const sure = (id: string): string => (s.confidence[id] !== undefined ? ` ${s.confidence[id]!.toFixed(2)}` : '');
    if (stances.length > 0) lines.push(`  stances: ${stances.map(([id, st]) => `${name(id)} ${paintStance(st, chalk)}${sure(id)}`).join(', ')}`);
    for (const [id, reasons] of Object.entries(s.because ?? {})) {
      if (reasons.length === 0) continue;
      lines.push(chalk.gray(`  why ${name(id)}: ${reasons.map((r) => `${safeLine(r.feature)} ${r.weight >= 0 ? '+' : ''}${r.weight.toFixed(2)}`).join(', ')}`));
    }
    if (s.cues.length > 0) {
      lines.push(
        `  cues: ${s.cues.map((c) => `${safeLine(c.text)} (${c.polarity}${c.negated ? ', negated' : ''}, weight ${c.weight}, entry "${safeLine(c.entry)}")`).join('; ')}`,
      );
    }
  }
  const skipped = result.sentences.length - result.sentences.filter((s) => analysed.has(s.paragraph)).length;
  if (skipped > 0) lines.push('', chalk.gray(`${skipped} byline or boilerplate sentence(s) not analysed.`));
  return lines.join('\n') + '\n';
}
