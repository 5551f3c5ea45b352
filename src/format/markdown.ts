/**
 * A report a person can paste into a document: a heading, the facts, an
 * actor table and each receiver's verdict with its quoted summary sentences.
 * Article text is made terminal-safe and Markdown-inert: control characters
 * removed, and the characters Markdown or HTML would act on escaped.
 */
import type { AnalysisResult } from '../types.js';
import type { FormatOptions } from './options.js';
import { safeLine } from './sanitize.js';
import { busiestDyads, dyadsHeading, likely, noSenderReason } from './text.js';

/** Article text as literal Markdown inline text (also safe inside a table cell, and at the start of a line: no list item). */
export function mdText(text: string): string {
  return safeLine(text)
    .replace(/[\\`*_[\]<>|#~!]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .trim()
    .replace(/^[-+]/, '\\$&')
    .replace(/^(\d{1,9})([.)])/, '$1\\$2');
}

export function formatMarkdown(result: AnalysisResult, _options: FormatOptions = {}): string {
  const { meta } = result;
  const name = (id: string | null): string => (id === null ? '_none_' : mdText(result.actors.find((a) => a.id === id)?.name ?? id));
  const out: string[] = [`## ${mdText(meta.title ?? 'Untitled article')}`, ''];
  const facts: [string, string | null][] = [
    ['Publisher', meta.publisher],
    ['Author', meta.author],
    ['Date', meta.date],
  ];
  for (const [label, value] of facts) if (value) out.push(`- **${label}:** ${mdText(value)}`);
  out.push(`- **Input:** ${mdText(result.input.path)}${result.input.id !== undefined ? ` (id ${mdText(String(result.input.id))})` : ''}`);
  out.push(`- **Sender:** ${name(result.sender)}`, '');

  out.push('| Actor | Mentions | Cooperative | Conflictual | Neutral | Posture |', '|---|---:|---:|---:|---:|---|');
  for (const a of result.actors) {
    const label = mdText(a.name) + (a.id === result.sender ? ' (sender)' : '');
    out.push(`| ${label} | ${a.mentions} | ${a.tally.cooperative} | ${a.tally.conflictual} | ${a.tally.neutral} | ${a.posture}${likely(a.postureConfidence, ' (', ' likely)')} |`);
  }

  const receivers = result.actors.filter((a) => a.message);
  if (result.sender === null) {
    out.push('', `_No sender: ${mdText(noSenderReason(result))}._`);
    const dyads = busiestDyads(result);
    if (dyads.length > 0) {
      out.push('', dyadsHeading(result, dyads.length), '');
      out.push('| Source | Target | Cooperative | Conflictual | Neutral |', '|---|---|---:|---:|---:|');
      for (const d of dyads) out.push(`| ${name(d.source)} | ${name(d.target)} | ${d.cooperative} | ${d.conflictual} | ${d.neutral} |`);
    }
  } else if (receivers.length === 0) out.push('', '_No message sections: no receiver of a message was found._');
  for (const a of receivers) {
    out.push('', `### ${mdText(a.message!.verdict)}`, '');
    const sure = likely(a.message!.postureConfidence, 'Section posture ', ' likely.');
    if (sure) out.push(`_${sure}_`, '');
    for (const s of a.message!.summary) out.push(`> ${mdText(s.text)}`, '>');
    if (a.message!.summary.length > 0) out.pop();
  }
  if (result.others.length > 0) {
    out.push('', `Other states mentioned: ${result.others.map((o) => `${mdText(o.name)} (${o.mentions})`).join(', ')}.`);
  }
  if (result.warnings.length > 0) out.push('', ...result.warnings.map((w) => `> **Warning:** ${mdText(w)}`));
  return out.join('\n') + '\n';
}
