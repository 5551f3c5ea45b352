/**
 * Expectation files for `nkmsg check`: what a user pins about a fixture's
 * analysis (NAME.expect.json beside NAME.txt). Only the fields present are
 * compared, so pinning postures survives a change of summary wording.
 * Pure (no I/O): parse, compare, refresh, and format the differences; the
 * library exports it so that other tools can pin results the same way.
 */
import { someIds } from './actors.js';
import type { Palette } from './format/options.js';
import { safeLine } from './format/sanitize.js';
import type { AnalysisResult, Posture, Stance, Tally } from './types.js';

export interface Expectation {
  sender?: string | null;
  postures?: Record<string, Posture>;
  tallies?: Record<string, Tally>;
  /** Receiver -> the summary sentences' texts, in order. */
  messages?: Record<string, string[]>;
  /** Actor -> number of mentions. */
  mentions?: Record<string, number>;
  /** A whole result, without `tool` and `input.path`. */
  snapshot?: Record<string, unknown>;
  /** Keys starting with "$" ($schema, $comment) are kept and never compared. */
  [note: `$${string}`]: unknown;
}

export const FIELDS = ['sender', 'postures', 'tallies', 'messages', 'mentions', 'snapshot'] as const;
const POSTURES: Posture[] = ['friendly', 'hostile', 'mixed', 'neutral'];
const TALLY_KEYS = ['cooperative', 'conflictual', 'neutral'] as const;

export class ExpectationError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`field "${field}": ${message}`);
    this.name = 'ExpectationError';
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** The ids a message lists, pointing to the full list where some are left out. */
const idList = (actorIds: string[]): string => someIds(actorIds) + (actorIds.length > 12 ? ' (nkmsg actors lists them)' : '');

/** Checks parsed expectation JSON against the actor ids in use; throws ExpectationError naming the field. */
export function parseExpectation(data: unknown, actorIds: string[]): Expectation {
  if (!isRecord(data)) throw new ExpectationError('(top level)', `must be a JSON object with any of ${FIELDS.join(', ')}`);
  const known = new Set(actorIds);
  const actorKeys = (field: string, value: unknown): Record<string, unknown> => {
    if (!isRecord(value)) throw new ExpectationError(field, 'must be an object keyed by actor id');
    for (const id of Object.keys(value)) {
      if (!known.has(id)) throw new ExpectationError(`${field}.${id}`, `"${id}" is not an actor id in the set; use one of ${idList(actorIds)}`);
    }
    return value;
  };
  for (const [key, value] of Object.entries(data)) {
    if (key.startsWith('$')) continue;
    switch (key) {
      case 'sender':
        if (value !== null && (typeof value !== 'string' || !known.has(value))) {
          throw new ExpectationError('sender', `must be null or an actor id (${idList(actorIds)})`);
        }
        break;
      case 'postures':
        for (const [id, p] of Object.entries(actorKeys(key, value))) {
          if (!POSTURES.includes(p as Posture)) throw new ExpectationError(`postures.${id}`, `${JSON.stringify(p)} is not a posture; use ${POSTURES.join(', ')}`);
        }
        break;
      case 'tallies':
        for (const [id, t] of Object.entries(actorKeys(key, value))) {
          if (!isRecord(t) || !TALLY_KEYS.every((k) => isCount(t[k])) || Object.keys(t).length !== 3) {
            throw new ExpectationError(`tallies.${id}`, 'must be {"cooperative": n, "conflictual": n, "neutral": n} with whole numbers');
          }
        }
        break;
      case 'messages':
        for (const [id, m] of Object.entries(actorKeys(key, value))) {
          if (!Array.isArray(m) || !m.every((s) => typeof s === 'string')) throw new ExpectationError(`messages.${id}`, 'must be an array of sentence texts');
        }
        break;
      case 'mentions':
        for (const [id, n] of Object.entries(actorKeys(key, value))) {
          if (!isCount(n)) throw new ExpectationError(`mentions.${id}`, 'must be a whole number');
        }
        break;
      case 'snapshot':
        if (!isRecord(value)) throw new ExpectationError('snapshot', 'must be a whole result object (as nkmsg analyze --json prints)');
        break;
      default:
        throw new ExpectationError(key, `is not a field of an expectation file; use ${FIELDS.join(', ')} (or a "$" key for notes)`);
    }
  }
  return data as Expectation;
}

/** The result as a snapshot pins it: without the tool version and the input path, which change with no change of analysis. */
export function snapshotOf(result: AnalysisResult): Record<string, unknown> {
  const { tool: _tool, input, ...rest } = result;
  const { path: _path, ...inputRest } = input;
  return JSON.parse(JSON.stringify({ input: inputRest, ...rest })) as Record<string, unknown>;
}

/** What a snapshot pins of a result pasted whole (`analyze --json`): its tool and input path are left out, as snapshotOf leaves them. */
function pinnedPart(snapshot: Record<string, unknown>): Record<string, unknown> {
  const { tool: _tool, ...rest } = snapshot;
  if (!isRecord(rest['input'])) return rest;
  const { path: _path, ...input } = rest['input'];
  return { ...rest, input };
}

export interface Difference {
  field: string;
  expected: string;
  got: string;
  /** The sentences behind a changed stance: index, stance and text. */
  evidence: { sentence: number; stance: Stance; text: string }[];
  /** On the last difference shown: how many more there are, not shown. */
  omitted?: number;
}

/** Most differences of a snapshot shown: a shifted offset repeats down the whole article. */
const SNAPSHOT_SHOWN = 20;

/** Offsets, sizes and hashes: they change with any edit, so a snapshot's other differences come first. */
const FOLLOWS_EDIT = /\.(?:start|end|bytes|sha256)$/;

const tallyText = (t: Tally): string => `${t.cooperative} cooperative, ${t.conflictual} conflictual, ${t.neutral} neutral`;

/** The analysed sentences that count in `actor`'s tally and are not neutral. */
function evidence(result: AnalysisResult, actor: string): Difference['evidence'] {
  return result.sentences
    .filter((s) => s.mentions.some((m) => m.actor === actor) && s.stances[actor] && s.stances[actor] !== 'neutral')
    .map((s) => ({ sentence: s.index, stance: s.stances[actor]!, text: s.text }));
}

/** Result fields added after snapshots could first be taken: a snapshot without one was taken before it existed, and does not pin it. */
const ADDED_LATER = new Set(['postureConfidence']);

function deepDiff(expected: unknown, got: unknown, path: string, out: Difference[]): void {
  if (isRecord(expected) && isRecord(got)) {
    for (const key of new Set([...Object.keys(expected), ...Object.keys(got)])) {
      if (ADDED_LATER.has(key) && !(key in expected)) continue;
      deepDiff(expected[key], got[key], `${path}.${key}`, out);
    }
    return;
  }
  if (Array.isArray(expected) && Array.isArray(got)) {
    for (let i = 0; i < Math.max(expected.length, got.length); i++) deepDiff(expected[i], got[i], `${path}[${i}]`, out);
    return;
  }
  if (JSON.stringify(expected) !== JSON.stringify(got)) {
    out.push({ field: path, expected: expected === undefined ? '(absent)' : JSON.stringify(expected), got: got === undefined ? '(absent)' : JSON.stringify(got), evidence: [] });
  }
}

export function compare(expect: Expectation, result: AnalysisResult): Difference[] {
  const diffs: Difference[] = [];
  const actor = (id: string) => result.actors.find((a) => a.id === id)!;
  if ('sender' in expect && expect.sender !== result.sender) {
    diffs.push({ field: 'sender', expected: JSON.stringify(expect.sender), got: JSON.stringify(result.sender), evidence: [] });
  }
  for (const [id, posture] of Object.entries(expect.postures ?? {})) {
    const a = actor(id);
    if (a.posture !== posture) diffs.push({ field: `postures.${id}`, expected: posture, got: `${a.posture} (${tallyText(a.tally)})`, evidence: evidence(result, id) });
  }
  for (const [id, tally] of Object.entries(expect.tallies ?? {})) {
    const a = actor(id);
    if (TALLY_KEYS.some((k) => tally[k] !== a.tally[k])) diffs.push({ field: `tallies.${id}`, expected: tallyText(tally), got: tallyText(a.tally), evidence: evidence(result, id) });
  }
  for (const [id, texts] of Object.entries(expect.messages ?? {})) {
    const got = actor(id).message?.summary.map((s) => s.text) ?? [];
    if (JSON.stringify(got) === JSON.stringify(texts)) continue;
    if (got.length === texts.length) {
      // The same number of quotes: each changed one on its own, so the change is seen however long the quotes are.
      texts.forEach((text, k) => {
        if (text !== got[k]) diffs.push({ field: `messages.${id}[${k}]`, expected: `“${text}”`, got: `“${got[k]}”`, evidence: [] });
      });
    } else {
      diffs.push({ field: `messages.${id}`, expected: texts.map((t) => `“${t}”`).join(' ') || '(no message)', got: got.map((t) => `“${t}”`).join(' ') || '(no message)', evidence: [] });
    }
  }
  for (const [id, n] of Object.entries(expect.mentions ?? {})) {
    const a = actor(id);
    if (a.mentions !== n) diffs.push({ field: `mentions.${id}`, expected: String(n), got: String(a.mentions), evidence: [] });
  }
  if (expect.snapshot) diffs.push(...snapshotDifferences(expect.snapshot, result));
  return diffs;
}

/** A snapshot's differences, offsets last, the first SNAPSHOT_SHOWN of them; the last shown says how many more there are. */
function snapshotDifferences(snapshot: Record<string, unknown>, result: AnalysisResult): Difference[] {
  const all: Difference[] = [];
  deepDiff(pinnedPart(snapshot), snapshotOf(result), 'snapshot', all);
  const ordered = [...all.filter((d) => !FOLLOWS_EDIT.test(d.field)), ...all.filter((d) => FOLLOWS_EDIT.test(d.field))];
  const shown = ordered.slice(0, SNAPSHOT_SHOWN);
  if (ordered.length > shown.length) shown[shown.length - 1] = { ...shown[shown.length - 1]!, omitted: ordered.length - shown.length };
  return shown;
}

/** An expectation with the same fields (and, within them, the same actors) filled from `result`; a new one pins sender, postures and tallies. */
export function refresh(expect: Expectation | null, result: AnalysisResult): Expectation {
  const ids = result.actors.map((a) => a.id);
  const pick = <T>(listed: Record<string, unknown> | undefined, value: (id: string) => T): Record<string, T> => {
    const keys = listed && Object.keys(listed).length > 0 ? Object.keys(listed) : ids;
    return Object.fromEntries(keys.map((id) => [id, value(id)]));
  };
  const actor = (id: string) => result.actors.find((a) => a.id === id)!;
  const base: Record<string, unknown> = { ...(expect ?? { sender: null, postures: {}, tallies: {} }) };
  const out: Record<string, unknown> = {};
  for (const [key, listed] of Object.entries(base)) {
    switch (key) {
      case 'sender':
        out[key] = result.sender;
        break;
      case 'postures':
        out[key] = pick(listed as Record<string, unknown>, (id) => actor(id).posture);
        break;
      case 'tallies':
        out[key] = pick(listed as Record<string, unknown>, (id) => ({ ...actor(id).tally }));
        break;
      case 'messages':
        out[key] = pick(listed as Record<string, unknown>, (id) => actor(id).message?.summary.map((s) => s.text) ?? []);
        break;
      case 'mentions':
        out[key] = pick(listed as Record<string, unknown>, (id) => actor(id).mentions);
        break;
      case 'snapshot':
        out[key] = snapshotOf(result);
        break;
      default:
        out[key] = listed;
    }
  }
  return out as Expectation;
}

const clip = (text: string, max = 160): string => {
  const line = safeLine(text);
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
};

/** Characters shown before the first difference of two long values. */
const LEAD = 60;

/**
 * Two values clipped alike where they would look the same: each is shown from a little before
 * the first character where they differ, so the change is in sight.
 */
function clipPair(expected: string, got: string, max: number): [string, string] {
  const [a, b] = [safeLine(expected), safeLine(got)];
  if (a === b || (a.length <= max && b.length <= max)) return [clip(expected, max), clip(got, max)];
  let at = 0;
  while (at < a.length && at < b.length && a[at] === b[at]) at++;
  if (at < max - LEAD) return [clip(expected, max), clip(got, max)];
  const from = at - LEAD;
  const cut = (line: string): string => `…${line.length - from > max - 1 ? `${line.slice(from, from + max - 2)}…` : line.slice(from)}`;
  return [cut(a), cut(b)];
}

/** The readable diff printed under a failing fixture. */
export function formatDifferences(diffs: Difference[], chalk: Palette): string {
  const lines: string[] = [];
  for (const d of diffs) {
    const [expected, got] = clipPair(d.expected, d.got, 400);
    lines.push(`  ${chalk.bold(safeLine(d.field))}`, `    expected: ${chalk.green(expected)}`, `    got:      ${chalk.red(got)}`);
    if (d.evidence.length > 0) {
      lines.push('    evidence:');
      for (const e of d.evidence.slice(0, 10)) {
        const stance = e.stance === 'cooperative' ? chalk.green(e.stance) : chalk.red(e.stance);
        lines.push(`      [${e.sentence}] ${stance}: “${clip(e.text)}”`);
      }
      if (d.evidence.length > 10) lines.push(`      … and ${d.evidence.length - 10} more`);
    }
    if (d.omitted) lines.push(`  … and ${d.omitted} more difference${d.omitted === 1 ? '' : 's'}`);
  }
  return lines.join('\n') + '\n';
}
