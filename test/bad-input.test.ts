/**
 * Issue 4's matrix: one case per kind of bad input, each running the CLI in
 * process and asserting the exit code, the stderr line and no stack trace.
 * The unreadable file, which needs an unprivileged process, is in
 * e2e/bad-input.test.ts.
 */
import { chmodSync, copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, nkmsgInProcess, noStackTrace, tempDir, type Run } from './helpers.js';

let tmp: ReturnType<typeof tempDir>;
const file = (name: string, content: string | Buffer): string => {
  const path = join(tmp.dir, name);
  writeFileSync(path, content);
  return path;
};
beforeAll(() => {
  tmp = tempDir();
  chmodSync(tmp.dir, 0o755);
});
afterAll(() => tmp.cleanup());

const ARTICLE = 'Moscow Warns Tokyo\n\nMoscow is sending messages to Tokyo. Russia warns Japan against new sanctions.\n\nMoscow praises its partnership with Beijing.\n';

function expectClean(run: Run): void {
  expect(noStackTrace(run.stderr)).toBe(true);
  expect(run.stderr).not.toMatch(/TypeError|RangeError|SyntaxError: /);
}

/** The result's offsets are exact: every paragraph and sentence is the slice of the decoded text. */
function expectExactOffsets(result: any, text: string): void {
  for (const s of result.sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
  for (const p of result.paragraphs) expect(p.end).toBeLessThanOrEqual(text.length);
}

describe.concurrent('decoding', () => {
  it.each([
    ['UTF-8 without BOM', Buffer.from(ARTICLE), 'utf-8'],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ARTICLE)]), 'utf-8-bom'],
    ['UTF-16 LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ARTICLE, 'utf16le')]), 'utf-16le'],
    ['UTF-16 BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(ARTICLE, 'utf16le').swap16()]), 'utf-16be'],
  ])('%s is analysed with offsets into the decoded text', async (name, bytes, encoding) => {
    const path = file(`${name.replace(/\W+/g, '-')}.txt`, bytes);
    const run = await nkmsgInProcess(['analyze', '--json', path]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const result = JSON.parse(run.stdout);
    expect(result.input).toMatchObject({ encoding, bytes: bytes.length });
    expectExactOffsets(result, ARTICLE);
    expect(result.actors.find((a: any) => a.id === 'tokyo').mentions).toBeGreaterThan(0);
  });

  it('invalid UTF-8 is decoded as Windows-1252 with a warning naming the input', async () => {
    const text = 'Moscow \x93warns\x94 Tokyo \x96 and Japan.\n';
    const path = file('latin.txt', Buffer.from(text, 'latin1'));
    const run = await nkmsgInProcess(['analyze', '--json', path]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(`nkmsg: warning: ${path}: not valid UTF-8; decoded as Windows-1252 (convert the file to UTF-8 to silence this)\n`);
    const result = JSON.parse(run.stdout);
    expect(result.input.encoding).toBe('windows-1252');
    expect(result.sentences.map((s: any) => s.text).join(' ')).toContain('“warns” Tokyo – and');
    expect(result.warnings[0]).toMatch(/^not valid UTF-8/);
    expectClean(run);
  });
});

describe.concurrent('not text', () => {
  it.each([
    ['NUL bytes', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00]), 'it contains NUL bytes'],
    ['mostly non-printable bytes', Buffer.from(Array.from({ length: 300 }, (_, i) => [1, 2, 0x1b, 3, 0x41][i % 5]!)), '80% of its characters are control characters'],
  ])('%s: refused as not a text file, exit 1', async (name, bytes, why) => {
    const path = file(`${name.replace(/\W+/g, '-')}.bin`, bytes);
    const run = await nkmsgInProcess(['analyze', path]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`nkmsg: error: ${path}: not a text file (${why}); give a plain-text article (UTF-8, UTF-16 with a byte-order mark, or Windows-1252)\n`);
    expectClean(run);
  });
});

describe.concurrent('size', () => {
  it('an input over --max-bytes is refused with the limit and what to do, exit 1', async () => {
    const path = file('big.txt', 'Moscow warns Tokyo. '.repeat(200));
    const run = await nkmsgInProcess(['analyze', '--max-bytes', '1k', path]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`nkmsg: error: ${path}: is 3.9 KiB, over the --max-bytes limit of 1 KiB; raise --max-bytes or split the input\n`);
    expectClean(run);
  });

  it('gives both sizes in bytes where rounding would show them equal', async () => {
    const path = file('just-over.txt', 'Moscow warns Tokyo. '.repeat(52).slice(0, 1030));
    const run = await nkmsgInProcess(['analyze', '--max-bytes', '1k', path]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`nkmsg: error: ${path}: is 1,030 bytes, over the --max-bytes limit of 1,024 bytes; raise --max-bytes or split the input\n`);
  });

  it('stdin over --max-bytes is refused too', async () => {
    const run = await nkmsgInProcess(['analyze', '--max-bytes', '100'], { input: 'x'.repeat(5000) });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('nkmsg: error: -: is more than 100 bytes, the --max-bytes limit; raise --max-bytes or split the input\n');
  });
});

describe.concurrent('odd text is analysed without error', () => {
  const NO_ACTOR = /^nkmsg: warning: .*: (no analysable text|no actor of the set is mentioned)/m;
  it.each([
    ['an empty file', '', true],
    ['whitespace only', ' \t\n\u00a0\n   \r\n', true],
    ['one enormous line with no punctuation', Array.from({ length: 6000 }, (_, i) => ['Moscow', 'talks', 'with', 'Seoul', 'and', 'the', 'region'][i % 7]).join(' '), false],
    ['10,000 blank lines', `Moscow warns Tokyo.${'\n'.repeat(10000)}Seoul listens to Beijing.`, false],
    ['a text with no actor', 'The weather was fine.\n\nPeople walked in the park and talked about football.\n', true],
    ['an article in another language', 'Москва направляет сигналы Токио.\n\n北京和首尔加强合作。\n', true],
    ['deeply repeated punctuation', `Moscow warns Tokyo${'!?.'.repeat(2000)}\n\n${'('.repeat(500)}Seoul${')'.repeat(500)}`, false],
    ['HTML pasted as text', '<html><head><title>Moscow warns Tokyo</title></head><body><p>Moscow is sending messages to <b>Tokyo</b>.</p><script>alert(1)</script></body></html>\n', false],
    ['three byte-order marks, one dropped', '\ufeff\ufeff\ufeffRussia warns Japan today\n\nRussia condemns Japan. Moscow is sending messages to Tokyo.\n', false],
    ['emoji and combining characters', 'Moscow 🇷🇺 warns To\u0301kyo 👀.\n\nSeoul\u0300 and Beijing 🤝 cooperate. Z̸̢͎a̷l̶g̵o̴.\n', false],
  ])('%s', async (name, text, empty) => {
    const path = file(`${name.replace(/\W+/g, '-')}.txt`, text);
    const run = await nkmsgInProcess(['analyze', '--json', path]);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expectExactOffsets(result, text.replace(/^\uFEFF/, ''));
    if (empty) {
      expect(result.warnings.length).toBeGreaterThan(0);
      expect(run.stderr).toMatch(NO_ACTOR);
    }
    expect(result.actors.every((a: any) => a.mentions === 0)).toBe(result.warnings.some((w: string) => /no actor|no analysable/.test(w)));
    expectClean(run);
  });
});

describe.concurrent('paths', () => {
  it('a missing file: one line naming it and what to do, exit 1', async () => {
    const run = await nkmsgInProcess(['analyze', 'no-such-article.txt']);
    expect(run).toEqual({ code: 1, stdout: '', stderr: 'nkmsg: error: no-such-article.txt: no such file or folder; check the path and the current folder\n' });
  });

  it('a folder where a file is expected (--actors): usage error, exit 2', async () => {
    const run = await nkmsgInProcess(['analyze', '--actors', tmp.dir, join(FIXTURES, 'russia-nk-opening.txt')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`nkmsg: error: --actors ${tmp.dir}: is a folder, not a file; give a file inside it\n`);
  });

  it('names with spaces and non-ASCII characters work, and are quoted in errors', async () => {
    const dir = join(tmp.dir, 'Статьи 2014');
    mkdirSync(dir);
    const path = join(dir, 'Moscow à Tokyo.txt');
    copyFileSync(join(FIXTURES, 'russia-nk-opening.txt'), path);
    const ok = await nkmsgInProcess(['analyze', '--format', 'ndjson', dir]);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).input.path).toBe(path);
    const missing = join(dir, 'nicht da é.txt');
    const run = await nkmsgInProcess(['analyze', missing]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(`nkmsg: error: ${JSON.stringify(missing)}: no such file or folder; check the path and the current folder\n`);
  });
});

describe.concurrent('actor files', () => {
  const article = join(FIXTURES, 'russia-nk-opening.txt');
  const entry = (extra: object) => ({ id: 'ankara', name: 'Ankara', country: 'Turkey', ...extra });
  it.each([
    ['not JSON', '{"id": ', /: not valid JSON \(.+\); an actor file is a JSON array of \{"id", "name", \.\.\.\} entries$/],
    ['the wrong shape', JSON.stringify({ actors: [] }), /: an actor file must be a JSON array of actor entries; fix the actor file/],
    ['a missing id', JSON.stringify([{ name: 'Ankara' }]), /: entry 1, field "id": is missing; fix the actor file/],
    ['a duplicate id', JSON.stringify([entry({}), entry({ name: 'Angora', country: 'Anatolia' })]), /: entry 2, field "id": "ankara" is already the id of entry 1/],
    ['an alias claimed by two actors', JSON.stringify([entry({ aliases: ['Turkey'] }), { id: 'athens', name: 'Athens', aliases: ['Turkey'] }]), /: entry 2, field "aliases": "Turkey" is already a name of "ankara" \(entry 1\)/],
    ['an empty alias', JSON.stringify([entry({ aliases: [''] })]), /: entry 1, field "aliases": item 1 must be a non-empty string/],
    ['a regex-looking alias', JSON.stringify([entry({ aliases: ['(a+)+$'] })]), /: entry 1, field "aliases": "\(a\+\)\+\$" looks like a regular expression; names are matched as literal text/],
  ])('%s: usage error naming the entry and field, exit 2', async (name, content, message) => {
    const path = file(`${name.replace(/\W+/g, '-')}.actors.json`, content);
    const run = await nkmsgInProcess(['analyze', '--actors', path, article]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.startsWith(`nkmsg: error: --actors ${path}: `)).toBe(true);
    expect(run.stderr.trimEnd()).toMatch(message);
    expect(run.stderr.split('\n')).toHaveLength(2);
    expectClean(run);
  });

  it('refuses an actor file that is not UTF-8 (a Latin-1 name could never match), and reads UTF-16 with a byte-order mark', async () => {
    const latin1 = file('latin1.actors.json', Buffer.from('[{"id": "ankara", "name": "Ankara", "leaders": ["Erdo\xf0an"]}]', 'latin1'));
    const refused = await nkmsgInProcess(['actors', '--actors', latin1]);
    expect(refused).toEqual({ code: 2, stdout: '', stderr: `nkmsg: error: --actors ${latin1}: not valid UTF-8 (or UTF-16 with a byte-order mark); save the actor file as UTF-8\n` });
    const json = '[{"id": "ankara", "name": "Ankara", "leaders": ["Erdo\u011fan"]}]';
    const utf16 = file('utf16.actors.json', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(json, 'utf16le')]));
    const read = await nkmsgInProcess(['actors', '--json', '--actors', utf16]);
    expect(read.code).toBe(0);
    expect(JSON.parse(read.stdout)[0].leaders).toEqual(['Erdo\u011fan']);
  });

  it('matches user aliases as literal text', async () => {
    const path = file('literal.actors.json', JSON.stringify([{ id: 'usa', name: 'U.S.A.' }, { id: 'ankara', name: 'Ankara' }]));
    const text = file('literal.txt', 'UxSxAx talks with Ankara.\n\nThe U.S.A. talks with Ankara.\n');
    const run = await nkmsgInProcess(['analyze', '--json', '--actors', path, text]);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    const mentions = result.sentences.flatMap((s: any) => s.mentions).filter((m: any) => m.actor === 'usa');
    expect(mentions.map((m: any) => m.surface)).toEqual(['U.S.A.']);
  });
});

describe.concurrent('output safety', () => {
  const crafted = [
    'Moscow \u001b]8;;https://evil.example\u0007Warns\u001b]8;;\u0007 Tokyo\u001b[2J\u001b[H',
    '',
    'Moscow is sending messages to Tokyo.\rRussia is friendly to Japan.\b\b\b\u001b[8m hidden \u001b[0m',
    '',
    'The message to Tokyo is \u202Egninraw\u202C a warning: Russia threatens Japan.\u009b31m',
  ].join('\n');

  it.each([['text'], ['markdown'], ['csv']])('%s output strips or escapes control characters from the article', async (format) => {
    const path = file(`crafted-${format}.txt`, crafted);
    const run = await nkmsgInProcess(['analyze', '--format', format, '--explain', '--quiet', path]);
    expect(run.code).toBe(0);
    // eslint-disable-next-line no-control-regex
    expect(run.stdout).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    if (format !== 'csv') expect(run.stdout).not.toContain('\r');
    expect(run.stdout).not.toContain('evil.example');
  });

  it('error messages on stderr never pass on control characters quoted from the input (JSON.parse errors quote it)', async () => {
    const input = '{"text": "Seoul met Tokyo."}\n\u001b]0;PWNED\u0007\u001b[2J not json\n{"id": "b\u001b[31m", "text": 5}\n{"text": "x\u202e", "id": [1]}\n';
    const run = await nkmsgInProcess(['analyze', '--input-format', 'ndjson', '--format', 'ndjson'], { input });
    expect(run.code).toBe(1);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^nkmsg: error: -: line 2 is not valid JSON \(.+\); each line must be one JSON object like \{"id": "a1", "text": "\.\.\."\}$/);
    expect(lines[3]).toBe('nkmsg: 1 of 4 inputs analysed, 3 failed');
    // eslint-disable-next-line no-control-regex
    expect(run.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    // the error records on stdout keep the message as it is, escaped by JSON
    expect(run.stdout.split('\n')[1]).toContain('\\u001b');
  });

  it('JSON output keeps the exact text', async () => {
    const path = file('crafted-json.txt', crafted);
    const run = await nkmsgInProcess(['analyze', '--json', path]);
    const result = JSON.parse(run.stdout);
    expect(result.sentences.map((s: any) => s.text).join('\n')).toContain('\u001b]8;;https://evil.example\u0007');
    expectExactOffsets(result, crafted);
    // eslint-disable-next-line no-control-regex
    expect(run.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
  });
});

describe("nkmsg's own output read back as an article", () => {
  it('is a failed input naming what it is: a saved result, NDJSON results, a text or Markdown report', async () => {
    const article = file('article.txt', ARTICLE);
    for (const format of ['json', 'ndjson', 'text', 'markdown']) {
      const saved = join(tmp.dir, `saved.${format}`);
      const made = await nkmsgInProcess(['analyze', article, '--format', format, '-o', saved]);
      expect(made.code, made.stderr).toBe(0);
      const run = await nkmsgInProcess(['analyze', saved]);
      expect(run.code, format).toBe(1);
      expect(run.stderr, format).toMatch(new RegExp(`^nkmsg: error: ${saved.replace(/[.]/g, '\\.')}: is nkmsg's own (?:JSON|text or Markdown) output`));
      expectClean(run);
    }
  });

  it('recognises a text report saved before postures showed their likelihood', async () => {
    const made = await nkmsgInProcess(['analyze', file('article-older.txt', ARTICLE)]);
    const older = made.stdout.replace(/ Posture \(likelihood\)$/m, ' Posture').replace(/ (?:>?\d+|<1)%/g, '');
    expect(older).toMatch(/coop\/conf\/neut +Posture$/m);
    const run = await nkmsgInProcess(['analyze', file('older-report.txt', older)]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/: is nkmsg's own text or Markdown output/);
  });

  it('skips an earlier --output found in the folder it analyses, with a warning, rather than reading it or refusing the run', async () => {
    const folder = join(tmp.dir, 'folder-with-output');
    mkdirSync(folder);
    writeFileSync(join(folder, 'a.txt'), ARTICLE);
    const out = join(folder, 'out.md');
    for (let run = 0; run < 2; run++) {
      const result = await nkmsgInProcess(['analyze', folder, '--format', 'markdown', '-o', out]);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toBe(run === 0 ? '' : `nkmsg: warning: ${out}: skipped: it is where this run writes its output\n`);
      expect(readFileSync(out, 'utf8').match(/^## /gm)).toHaveLength(1);
    }
    const quiet = await nkmsgInProcess(['analyze', folder, '--format', 'markdown', '-o', out, '--quiet']);
    expect(quiet.code, quiet.stderr).toBe(0);
    expect(quiet.stderr).toBe('');
  });
});
