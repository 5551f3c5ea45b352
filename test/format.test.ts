import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { analyze } from '../dist/analyze.js';
import { CSV_COLUMNS, csvField, formatCsv } from '../dist/format/csv.js';
import { formatExplain, markSentence } from '../dist/format/explain.js';
import { formatJson, formatJsonArray, formatNdjson } from '../dist/format/json.js';
import { formatMarkdown, mdText } from '../dist/format/markdown.js';
import { barCells, columns, formatText, likely, tallyBar } from '../dist/format/text.js';
import { compileActorSet, parseActorFile } from '../dist/actors.js';
import type { AnalysisResult } from '../dist/types.js';
import { FIXTURES } from './helpers.js';
import { FORMAT_CHARACTER, TERMINAL_ACTIVE } from './sanitize.test.js';

const CRAFTED = [
  'Moscow \u001b]8;;https://evil.example\u0007Warns\u001b]8;;\u0007 Tokyo\u001b[2J',
  '',
  'Moscow is sending messages to Tokyo and Washington.\rHIDDEN OVERWRITE',
  '',
  'The message to Tokyo is a warning: Russia threatens Japan with sanctions \u202Eesrever\u202C and pressure.\b\b\b',
  '',
  'To Washington, Moscow offers cooperation and talks \u001b[31mred\u001b[0m | pipe * star <b>html</b> &#x202E;.',
].join('\n');

const crafted: AnalysisResult = analyze(CRAFTED, { input: { path: 'crafted\u001b[31m.txt' } });
const real: AnalysisResult = analyze(readFileSync(join(FIXTURES, 'russia-nk-opening.txt'), 'utf8'), { input: { path: 'fixtures/russia-nk-opening.txt' } });
const colour = new Chalk({ level: 1 });
// eslint-disable-next-line no-control-regex
const stripSgr = (s: string): string => s.replace(/\u001b\[[0-9;]*m/g, '');

describe('text format', () => {
  it('has a header, the actor table, and a block per receiver with quoted summaries', () => {
    const out = formatText(real);
    const lines = out.split('\n');
    expect(lines[0]).toBe(real.meta.title);
    expect(lines[1]).toContain('Global Times');
    expect(lines[1]).toContain('fixtures/russia-nk-opening.txt');
    expect(lines[2]).toBe(`Sender: ${real.actors.find((a) => a.id === real.sender)?.name}`);
    expect(out).toMatch(/^Actor +Mentions +Tally +coop\/conf\/neut +Posture \(likelihood\)$/m);
    for (const a of real.actors) {
      const likely = ` ${Math.round(a.postureConfidence! * 100)}%`;
      expect(out).toMatch(new RegExp(`^${a.name}( \\(sender\\))? +${a.mentions} .* ${a.tally.cooperative}/${a.tally.conflictual}/${a.tally.neutral} +${a.posture}${likely}${a.uncertain > 0 ? ` \\(${a.uncertain} unsure\\)` : ''}$`, 'm'));
      if (a.message) {
        expect(out).toContain(`${a.message.verdict} · section posture ${Math.round(a.message.postureConfidence! * 100)}% likely`);
        for (const s of a.message.summary) expect(out).toContain(`“${s.text}”`);
      }
    }
  });

  it('draws the tally bar with + - . in every mode, colour only reinforcing the glyphs', () => {
    expect(barCells({ cooperative: 1, conflictual: 1, neutral: 1 })).toEqual([4, 4, 4]);
    expect(barCells({ cooperative: 0, conflictual: 0, neutral: 0 })).toEqual([0, 0, 0]);
    expect(barCells({ cooperative: 13, conflictual: 9, neutral: 4 }).reduce((a, b) => a + b)).toBe(12);
    // Equal counts, equal cells: the cell a tie cannot share goes to a smaller remainder, or stays blank.
    expect(barCells({ cooperative: 1, conflictual: 1, neutral: 3 })).toEqual([2, 2, 8]);
    expect(barCells({ cooperative: 1, conflictual: 3, neutral: 1 })).toEqual([2, 8, 2]);
    expect(barCells({ cooperative: 3, conflictual: 3, neutral: 2 })).toEqual([4, 4, 3]);
    expect(tallyBar({ cooperative: 3, conflictual: 3, neutral: 2 }, new Chalk({ level: 0 }))).toBe('++++----... ');
    expect(tallyBar({ cooperative: 2, conflictual: 1, neutral: 1 }, new Chalk({ level: 0 }))).toBe('++++++---...');
    const bar = tallyBar({ cooperative: 2, conflictual: 1, neutral: 1 }, colour);
    expect(bar).toContain('\u001b[32m');
    expect(stripSgr(bar)).toBe('++++++---...');
  });

  it('says why there is no sender: several actors relayed, or none named at all', () => {
    expect(formatText(analyze('')).split('\n')[2]).toBe('Sender: none (no actor is named)');
    const relayed = analyze('Allies Meet\n\nSeoul said it would attend, officials said.\n\nTokyo said it agreed, a spokesman said.\n\nWashington said talks would go on, according to officials.');
    expect(relayed.senderEvidence.method).toBe('relayed');
    expect(formatText(relayed).split('\n')[2]).toBe('Sender: none (a report of several actors; name one with --sender ID to see its messages)');
  });

  it('lists the busiest dyads where there is no sender, and none where there is one', () => {
    const relayed = analyze('Allies Meet\n\nSeoul said it would attend, officials said.\n\nTokyo praised Seoul and said it agreed, a spokesman said.\n\nWashington said talks with Tokyo would go on, according to officials.');
    expect(relayed.sender).toBeNull();
    const lines = formatText(relayed).split('\n');
    const at = lines.findIndex((l) => l.startsWith('Dyads'));
    expect(lines[at]).toBe('Dyads (actors named in one sentence; stance toward the second):');
    const shown = relayed.dyads.map((d) => `${relayed.actors.find((a) => a.id === d.source)!.name} -> ${relayed.actors.find((a) => a.id === d.target)!.name}`);
    expect(lines.slice(at + 1, at + 1 + shown.length).map((l) => l.trim().split(/\s{2,}/)[0])).toEqual(expect.arrayContaining(shown));
    expect(formatText(real)).not.toContain('Dyads');
  });

  it('shows at most eight dyads, busiest first, and says how many there are', () => {
    const many = { ...real, sender: null, dyads: real.dyads.map((d, i) => ({ ...d, neutral: d.neutral + i })) };
    expect(many.dyads.length).toBeGreaterThan(8);
    const lines = formatText(many).split('\n');
    const at = lines.findIndex((l) => l.startsWith('Dyads'));
    expect(lines[at]).toBe(`Dyads (actors named in one sentence; stance toward the second), the 8 busiest of ${many.dyads.length}:`);
    const totals = lines.slice(at + 1, at + 9).map((l) => l.match(/(\d+)\/(\d+)\/(\d+)$/)!.slice(1).reduce((a, b) => a + Number(b), 0));
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
    expect(lines[at + 9] ?? '').not.toMatch(/->/);
  });

  it('has no colour codes without a chalk level, and colours postures with one', () => {
    expect(formatText(real)).not.toContain('\u001b');
    expect(formatText(real, { chalk: colour })).toMatch(/\u001b\[3[1-3]m(friendly|hostile|mixed)/);
  });

  it('strips or escapes every control character that comes from the article', () => {
    for (const out of [formatText(crafted), formatText(crafted, { chalk: colour }), formatExplain(crafted), formatExplain(crafted, { chalk: colour })]) {
      const visible = stripSgr(out);
      expect(visible).not.toMatch(TERMINAL_ACTIVE);
      expect(visible).not.toContain('\r');
      expect(visible).not.toContain('evil.example');
    }
    expect(formatText(crafted)).toContain('crafted.txt');
  });
});

describe('text format with wide and combining characters', () => {
  it('counts terminal columns: two for a wide character, none for a combining mark', () => {
    expect(columns('Seoul')).toBe(5);
    expect(columns('北京')).toBe(4);
    expect(columns('Paris\u0301')).toBe(5);
    expect(columns('Москва')).toBe(6);
  });

  it('keeps the actor table in columns whatever script the names are in', () => {
    const set = compileActorSet(parseActorFile([
      { id: 'beijing', name: '北京', aliases: ['China'] },
      { id: 'moscow', name: 'Москва', aliases: ['Russia'] },
      { id: 'paris', name: 'Paris\u0301', aliases: ['France'] },
    ]));
    const text = formatText(analyze('Talks\n\nChina praised Russia. France criticised Russia and China.', { actorSet: set }), { color: false });
    const table = text.split('\n').filter((l) => /^(Actor|北京|Москва|Paris)/.test(l));
    expect(table).toHaveLength(4);
    // Each row's mention count ends in the same terminal column as the header's "Mentions".
    const end = (line: string) => columns(line.slice(0, line.search(/(?<=\d|Mentions)  /) ));
    expect(new Set(table.map(end)).size).toBe(1);
  });
});

describe('invisible format characters', () => {
  // Tag characters, interlinear annotation, the soft hyphen, U+180E and zero-width characters, in a title, a quoted sentence and a name.
  const hidden = ['\u{e0001}\u{e0041}', '\ufff9', '\ufffa', '\ufffb', '\u00ad', '\u180e', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff'];
  const text = [
    `Russia Warns${hidden.join('')} Japan`,
    '',
    'Russia is sending messages to Tokyo.',
    '',
    `The message to Tokyo is a warning: Russia${hidden.join(' ')} condemns Japan and threatens Tokyo with sanctions.`,
  ].join('\n');
  const result = analyze(text, { input: { path: 'hidden.txt' } });

  it.each(hidden.map((c) => [c.codePointAt(0)!.toString(16), c]))('shows U+%s escaped in text, --explain and Markdown output, and keeps it in JSON', (_code, c) => {
    const code = c.codePointAt(0)!;
    const shown = code < 0x100 ? `\\x${code.toString(16)}` : code < 0x10000 ? `\\u${code.toString(16)}` : `\\u{${code.toString(16)}}`;
    for (const out of [formatText(result), formatExplain(result), formatMarkdown(result)]) {
      expect(out).not.toContain(c);
      expect(out).not.toMatch(FORMAT_CHARACTER);
      expect(out).toContain(shown);
    }
    expect((JSON.parse(formatJson(result)) as AnalysisResult).sentences.map((s) => s.text).join('')).toContain(c);
  });
});

describe('explain format', () => {
  it('names "no sender" as the chooser\'s runner-up, never "none"', () => {
    const withNone = { ...real, senderEvidence: { ...real.senderEvidence, chooser: { probability: 0.9, runnerUp: null, because: ['actor:cue-strong'] } } };
    expect(formatExplain(withNone)).toContain('  chooser: ahead of no sender on actor:cue-strong');
  });

  it('lists every analysed sentence with mentions and cues marked', () => {
    const out = formatExplain(real);
    const analysed = real.sentences.filter((s) => ['title', 'deck', 'body'].includes(real.paragraphs[s.paragraph]!.role));
    expect(out.match(/^\[\d+\] /gm)).toHaveLength(analysed.length);
    const withCue = analysed.find((s) => s.cues.length > 0 && s.mentions.length > 0)!;
    const marked = markSentence(withCue, new Chalk({ level: 0 }));
    const m = withCue.mentions[0]!;
    expect(marked).toContain(`[${m.surface}:${m.actor}]`);
    const c = withCue.cues[0]!;
    expect(marked).toMatch(new RegExp(`\\{${c.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:[+-]~?\\}`));
    expect(out).toContain(`[${withCue.index}]`);
  });
});

describe('markdown format', () => {
  it('is a heading, facts, an actor table and quoted summaries', () => {
    const out = formatMarkdown(real);
    expect(out.startsWith(`## ${mdText(real.meta.title!)}\n`)).toBe(true);
    expect(out).toContain('| Actor | Mentions | Cooperative | Conflictual | Neutral | Posture |');
    expect(out.match(/^\| [A-Z]/gm)).toHaveLength(real.actors.length + 1);
    const receiver = real.actors.find((a) => a.message && a.message.summary.length > 0)!;
    expect(out).toContain(`### ${mdText(receiver.message!.verdict)}`);
    expect(out).toContain(`> ${mdText(receiver.message!.summary[0]!.text)}`);
    // Each posture with its likelihood; each section's under its verdict, named as the section's.
    for (const a of real.actors) expect(out).toContain(` | ${a.posture} (${Math.round(a.postureConfidence! * 100)}% likely) |`);
    expect(out).toContain(`### ${mdText(receiver.message!.verdict)}\n\n_Section posture ${Math.round(receiver.message!.postureConfidence! * 100)}% likely._\n`);
  });

  it('shows a likelihood as a whole percentage, and its ends as >99% and <1%', () => {
    expect([0.994, 0.995, 1, 0.004, 0.005, 0.5].map((p) => likely(p))).toEqual(['99%', '>99%', '>99%', '<1%', '1%', '50%']);
    expect(likely(null, ' ')).toBe('');
    expect(likely(undefined, ' ')).toBe('');
  });

  it('says why there is no sender and tables the dyads instead of message sections', () => {
    const relayed = analyze('Allies Meet\n\nSeoul said it would attend, officials said.\n\nTokyo praised Seoul and said it agreed, a spokesman said.\n\nWashington said talks with Tokyo would go on, according to officials.');
    const out = formatMarkdown(relayed);
    expect(out).toContain('_No sender: a report of several actors; name one with --sender ID to see its messages._');
    expect(out).not.toContain('No message sections');
    expect(out).toContain('| Source | Target | Cooperative | Conflictual | Neutral |');
    expect(out.match(/^\| (Seoul|Tokyo|Washington) \| /gm)!.length).toBeGreaterThanOrEqual(relayed.dyads.length);
  });

  it('keeps a quote that starts like a list item verbatim', () => {
    expect(['- a', '+ b', '1. c', '1) d', '2016. e', '-12', '--- f'].map(mdText)).toEqual(['\\- a', '\\+ b', '1\\. c', '1\\) d', '2016\\. e', '\\-12', '\\--- f']);
    expect(mdText('A 1. b - c + d')).toBe('A 1. b - c + d');
    const listed = analyze(
      [
        'Moscow Sends Three Messages',
        '',
        'Moscow is sending messages to Tokyo, Seoul and Beijing.',
        '',
        'The message to Tokyo:',
        '',
        '- Russia condemns Japan and warns Tokyo against sanctions.',
        '',
        '+ Moscow threatens Tokyo over the islands.',
        '',
        '1) Moscow warns Tokyo again.',
        '',
        '2. Russia condemns Japan once more.',
      ].join('\n'),
      { input: { path: 'listed.txt' } },
    );
    const quotes = formatMarkdown(listed).split('\n').filter((l) => l.startsWith('> ') && !l.startsWith('> **'));
    expect(quotes.length).toBeGreaterThan(0);
    for (const q of quotes) expect(q).toMatch(/^> (\\[-+]|\d\\[.)]|[A-Z])/);
    expect(quotes).toContain('> \\- Russia condemns Japan and warns Tokyo against sanctions.');
  });

  it('escapes Markdown and HTML and strips control characters from article text', () => {
    expect(mdText('a | b * c <b>x</b> [l](u) &#x202E;')).toBe('a \\| b \\* c \\<b\\>x\\</b\\> \\[l\\](u) &amp;\\#x202E;');
    const out = formatMarkdown(crafted);
    expect(out).not.toMatch(TERMINAL_ACTIVE);
    expect(out).not.toContain('<b>');
  });
});

describe('csv format', () => {
  it('has one row per (input, actor) after the header, CRLF line ends', () => {
    const out = formatCsv([real, crafted]);
    const rows = out.split('\r\n').filter(Boolean);
    expect(rows[0]).toBe(CSV_COLUMNS.join(','));
    expect(rows).toHaveLength(1 + real.actors.length + crafted.actors.length);
    expect(rows[1]).toMatch(/^fixtures\/russia-nk-opening\.txt,,/);
  });

  it('quotes per RFC 4180 and defuses formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('-12')).toBe('-12');
    expect(csvField('-')).toBe('-');
    expect(csvField(3)).toBe('3');
    expect(csvField(null)).toBe('');
    expect(csvField('line\r\nbreak\u001b[31m')).toBe('line break');
  });

  it('gives a failed input one row with its error', () => {
    const out = formatCsv([{ schemaVersion: 1, input: { path: 'x.bin' }, error: { code: 'not-text', message: 'not a text file' } }]);
    expect(out.split('\r\n')[1]).toBe('x.bin,,,,,,,,,,,,,,not-text: not a text file');
  });
});

describe('json formats', () => {
  it('keeps the exact text, control characters included', () => {
    const parsed = JSON.parse(formatJson(crafted)) as AnalysisResult;
    expect(parsed).toEqual(crafted);
    expect(parsed.sentences.map((s) => s.text).join('')).toContain('\u001b[31m');
    expect(formatJson(crafted)).not.toMatch(TERMINAL_ACTIVE);
  });

  it('writes NDJSON as one line per result, U+2028 escaped', () => {
    const withSeparator = analyze('Moscow warns Tokyo.\u2028Seoul listens.');
    const line = formatNdjson(withSeparator);
    expect(line.endsWith('\n')).toBe(true);
    expect(line.slice(0, -1)).not.toMatch(/[\n\u2028\u2029]/);
    expect(JSON.parse(line)).toEqual(withSeparator);
  });

  it('writes several results as one array', () => {
    const parsed = JSON.parse(formatJsonArray([real, crafted])) as AnalysisResult[];
    expect(parsed).toEqual([real, crafted]);
    expect(JSON.parse(formatJsonArray([]))).toEqual([]);
  });
});
