/** `nkmsg check`, in process, against temporary copies of fixtures, with expectation files written by the test. */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../dist/analyze.js';
import { compileActorSet, parseActorFile } from '../dist/actors.js';
import { writeRefusal } from '../dist/cli/output.js';
import { FIXTURES, nkmsgInProcess, noStackTrace, tempDir } from './helpers.js';

let tmp: ReturnType<typeof tempDir>;
let dir: string;
const RUSSIA = 'russia-nk-opening';
const TURKEY = 'turkey-four-addressees';
const read = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8');
const current = analyze(read(`${RUSSIA}.txt`));
const turkey = analyze(read(`${TURKEY}.txt`), { actorSet: compileActorSet(parseActorFile(JSON.parse(read(`${TURKEY}.actors.json`)))) });
const posturesOf = (r: typeof current) => Object.fromEntries(r.actors.map((a) => [a.id, a.posture]));
const other = (p: string): string => (p === 'hostile' ? 'friendly' : 'hostile');
const write = (name: string, data: unknown): void => writeFileSync(join(dir, name), JSON.stringify(data, null, 2) + '\n');

beforeAll(() => {
  tmp = tempDir();
  dir = join(tmp.dir, 'fixtures');
  mkdirSync(dir);
  for (const f of [`${RUSSIA}.txt`, `${TURKEY}.txt`, `${TURKEY}.actors.json`]) copyFileSync(join(FIXTURES, f), join(dir, f));
});
afterAll(() => tmp.cleanup());

describe('nkmsg check', () => {
  it('passes when the pinned fields match, using NAME.actors.json beside a fixture, exit 0', async () => {
    write(`${RUSSIA}.expect.json`, { sender: current.sender, postures: posturesOf(current), mentions: { tokyo: current.actors[2]!.mentions } });
    write(`${TURKEY}.expect.json`, { sender: turkey.sender, postures: posturesOf(turkey) });
    const run = await nkmsgInProcess(['check', dir]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(`PASS ${join(dir, `${RUSSIA}.txt`)}\nPASS ${join(dir, `${TURKEY}.txt`)}\n\n2 fixture(s): 2 passed, 0 failed\n`);
    expect(run.code).toBe(0);
  });

  it('warns about an expectation that pins nothing, which would pass forever', async () => {
    write(`${RUSSIA}.expect.json`, { $comment: 'to do' });
    const run = await nkmsgInProcess(['check', join(dir, `${RUSSIA}.txt`)]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(
      `nkmsg: warning: ${join(dir, `${RUSSIA}.expect.json`)}: pins nothing (none of sender, postures, tallies, messages, mentions, snapshot); delete it and run nkmsg check --update ${join(dir, `${RUSSIA}.txt`)} to pin sender, postures and tallies\n`,
    );
  });

  it('fails with a readable per-field diff and evidence sentences when a posture was changed by hand, exit 1', async () => {
    const tokyo = current.actors.find((a) => a.id === 'tokyo')!;
    write(`${RUSSIA}.expect.json`, { sender: current.sender, postures: { ...posturesOf(current), tokyo: other(tokyo.posture) } });
    const run = await nkmsgInProcess(['check', join(dir, `${RUSSIA}.txt`)]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    const t = tokyo.tally;
    expect(run.stdout).toContain(
      `FAIL ${join(dir, `${RUSSIA}.txt`)}\n  postures.tokyo\n    expected: ${other(tokyo.posture)}\n    got:      ${tokyo.posture} (${t.cooperative} cooperative, ${t.conflictual} conflictual, ${t.neutral} neutral)\n`,
    );
    const evidence = current.sentences.filter((s) => s.mentions.some((m) => m.actor === 'tokyo') && s.stances['tokyo'] && s.stances['tokyo'] !== 'neutral');
    if (evidence.length > 0) expect(run.stdout).toContain(`    evidence:\n      [${evidence[0]!.index}] ${evidence[0]!.stances['tokyo']}: “`);
    expect(run.stdout.endsWith('1 fixture(s): 0 passed, 1 failed\n')).toBe(true);
  });

  it('exits 2 on a broken expectation file, naming it and the field', async () => {
    write(`${RUSSIA}.expect.json`, { postures: { tokyo: 'angry' } });
    const run = await nkmsgInProcess(['check', join(dir, `${RUSSIA}.expect.json`)]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`nkmsg: error: ${join(dir, `${RUSSIA}.expect.json`)}: field "postures.tokyo": "angry" is not a posture; use friendly, hostile, mixed, neutral\n`);
    writeFileSync(join(dir, `${RUSSIA}.expect.json`), '{"sender": ');
    const notJson = await nkmsgInProcess(['check', join(dir, `${RUSSIA}.txt`)]);
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toMatch(/^nkmsg: error: .*russia-nk-opening\.expect\.json: not valid JSON \(.+\); fix the file or delete it and run nkmsg check --update\n$/);
    expect(noStackTrace(notJson.stderr)).toBe(true);
  });

  it('exits 2 for an article without an expectation file, saying how to create one', async () => {
    const bare = join(dir, 'bare.txt');
    copyFileSync(join(FIXTURES, `${RUSSIA}.txt`), bare);
    const run = await nkmsgInProcess(['check', bare]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`nkmsg: error: ${bare}: no expectation file ${join(dir, 'bare.expect.json')}; create one with nkmsg check --update ${bare}\n`);
    expect(run.stdout).toBe(`ERROR ${bare}\n\n0 fixture(s): 0 passed, 0 failed; 1 path named no fixture\n`);
  });

  it('--update writes sender, postures and tallies for a new fixture, then check passes', async () => {
    const fresh = join(dir, 'fresh.txt');
    copyFileSync(join(FIXTURES, `${RUSSIA}.txt`), fresh);
    const run = await nkmsgInProcess(['check', '--update', fresh]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`CREATED ${join(dir, 'fresh.expect.json')}\n`);
    const written = JSON.parse(readFileSync(join(dir, 'fresh.expect.json'), 'utf8'));
    expect(Object.keys(written)).toEqual(['sender', 'postures', 'tallies']);
    expect(written.postures).toEqual(posturesOf(current));
    expect((await nkmsgInProcess(['check', fresh])).code).toBe(0);
  });

  it('--update refreshes only the fields (and actors) already present', async () => {
    write(`${RUSSIA}.expect.json`, { $comment: 'pinned by hand', mentions: { tokyo: 999 }, messages: { seoul: ['old'] } });
    const run = await nkmsgInProcess(['check', '--update', join(dir, `${RUSSIA}.txt`)]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('UPDATED');
    const written = JSON.parse(readFileSync(join(dir, `${RUSSIA}.expect.json`), 'utf8'));
    expect(written).toEqual({
      $comment: 'pinned by hand',
      mentions: { tokyo: current.actors.find((a) => a.id === 'tokyo')!.mentions },
      messages: { seoul: current.actors.find((a) => a.id === 'seoul')!.message?.summary.map((s) => s.text) ?? [] },
    });
    const again = await nkmsgInProcess(['check', '--update', join(dir, `${RUSSIA}.txt`)]);
    expect(again.stdout).toContain('UNCHANGED');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('passes on the project fixtures: a PASS line for every fixture with an expectation file, exit 0', async () => {
    // Fixtures newer than their expectation files are not checked; only those with one count.
    const files = new Set(readdirSync(FIXTURES));
    const pinned = [...files]
      .filter((f) => f.endsWith('.expect.json'))
      .map((f) => f.slice(0, -'.expect.json'.length))
      .map((stem) => [`${stem}.txt`, `${stem}.md`].find((article) => files.has(article)))
      .filter((article): article is string => article !== undefined)
      .sort();
    expect(pinned.length).toBeGreaterThan(0);
    const run = await nkmsgInProcess(['check', 'fixtures/']);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(`${pinned.map((article) => `PASS fixtures/${article}\n`).join('')}\n${pinned.length} fixture(s): ${pinned.length} passed, 0 failed\n`);
    expect(run.code).toBe(0);
  });
});

describe('a failing diff shows the change', () => {
  it('a changed message quote is shown on its own, whole, however long the summary', async () => {
    const sub = join(tmp.dir, 'quote');
    mkdirSync(sub);
    const text = read(`${RUSSIA}.txt`);
    const seoul = current.actors.find((a) => a.id === 'seoul')!.message!.summary.map((s) => s.text);
    const last = seoul.length - 1;
    const changed = seoul[last]!.replace(/ (\S+)\.$/, ' $1 indeed.');
    writeFileSync(join(sub, 'a.txt'), text);
    writeFileSync(join(sub, 'a.expect.json'), JSON.stringify({ messages: { seoul: [...seoul.slice(0, last), changed] } }));
    const run = await nkmsgInProcess(['check', join(sub, 'a.txt')]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`  messages.seoul[${last}]\n    expected: “${changed}”\n    got:      “${seoul[last]}”\n`);
  });

  it('two long values that differ late are both shown from just before the difference', async () => {
    const { formatDifferences } = await import('../dist/check.js');
    const plain = { bold: (s: string) => s, green: (s: string) => s, red: (s: string) => s };
    const base = 'x'.repeat(500);
    const out = formatDifferences([{ field: 'f', expected: `${base} old end`, got: `${base} new end`, evidence: [] }], plain as never);
    expect(out).toContain(`expected: …${'x'.repeat(59)} old end\n`);
    expect(out).toContain(`got:      …${'x'.repeat(59)} new end\n`);
  });

  it('a snapshot taken before postureConfidence existed still passes; one that holds it pins it', async () => {
    const sub = join(tmp.dir, 'snapshot-older');
    mkdirSync(sub);
    writeFileSync(join(sub, 'c.txt'), read(`${RUSSIA}.txt`));
    const older = JSON.parse(JSON.stringify(current)) as { actors: Record<string, unknown>[] };
    for (const a of older.actors) {
      delete a['postureConfidence'];
      if (a['message']) delete (a['message'] as Record<string, unknown>)['postureConfidence'];
    }
    writeFileSync(join(sub, 'c.expect.json'), JSON.stringify({ snapshot: older }));
    expect((await nkmsgInProcess(['check', join(sub, 'c.txt')])).code).toBe(0);
    const pinned = JSON.parse(JSON.stringify(current)) as { actors: { postureConfidence: number }[] };
    pinned.actors[0]!.postureConfidence = 0.5;
    writeFileSync(join(sub, 'c.expect.json'), JSON.stringify({ snapshot: pinned }));
    const run = await nkmsgInProcess(['check', join(sub, 'c.txt')]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('  snapshot.actors[0].postureConfidence\n');
  });

  it('a snapshot lists what changed before the offsets the change shifted, and says how many differences are not shown', async () => {
    const sub = join(tmp.dir, 'snapshot');
    mkdirSync(sub);
    const text = read(`${RUSSIA}.txt`);
    const sentence = current.sentences.find((s) => s.index === 11)!;
    const edited = `${text.slice(0, sentence.start)}Indeed, ${text.slice(sentence.start)}`;
    writeFileSync(join(sub, 'b.txt'), edited);
    writeFileSync(join(sub, 'b.expect.json'), JSON.stringify({ snapshot: JSON.parse(JSON.stringify(current)) }));
    const run = await nkmsgInProcess(['check', join(sub, 'b.txt')]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('  snapshot.sentences[11].text\n');
    expect(run.stdout).toMatch(/\n  … and \d+ more differences\n/);
    const fields = [...run.stdout.matchAll(/^  (snapshot\S*)$/gm)].map((m) => m[1]!);
    expect(fields).toHaveLength(20);
    const firstOffset = fields.findIndex((f) => /\.(?:start|end|bytes|sha256)$/.test(f));
    expect(fields.slice(firstOffset).every((f) => /\.(?:start|end|bytes|sha256)$/.test(f))).toBe(true);
  });
});

describe('text from an expectation file reaches the terminal made safe', () => {
  // eslint-disable-next-line no-control-regex
  const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

  it('in the error for a file that is not JSON (JSON.parse quotes the file)', async () => {
    writeFileSync(join(dir, `${RUSSIA}.expect.json`), '{"sender": \u001b]0;PWNED\u0007\u001b[2J\n"x"}');
    const run = await nkmsgInProcess(['check', join(dir, `${RUSSIA}.txt`)]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^nkmsg: error: .*russia-nk-opening\.expect\.json: not valid JSON \(.+\); fix the file or delete it and run nkmsg check --update\n$/);
    expect(run.stderr).not.toMatch(CONTROL);
    expect(run.stderr).not.toContain('PWNED\u0007');
  });

  it('in the error for an unknown field', async () => {
    writeFileSync(join(dir, `${RUSSIA}.expect.json`), JSON.stringify({ '\u001b[2Jsender\u202e': null }));
    const run = await nkmsgInProcess(['check', join(dir, `${RUSSIA}.txt`)]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `nkmsg: error: ${join(dir, `${RUSSIA}.expect.json`)}: field "sender\\u202e": is not a field of an expectation file; use sender, postures, tallies, messages, mentions, snapshot (or a "$" key for notes)\n`,
    );
  });

  it('in the diff of a snapshot whose keys carry escape sequences', async () => {
    write(`${RUSSIA}.expect.json`, { snapshot: { '\u001b]8;;https://evil.example\u0007link\u001b]8;;\u0007': 1, 'tab\there\rcr': 2 } });
    const run = await nkmsgInProcess(['check', join(dir, `${RUSSIA}.txt`)]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('\n  snapshot.link\n    expected: 1\n    got:      (absent)\n');
    expect(run.stdout).toContain('\n  snapshot.tab here cr\n');
    expect(run.stdout).not.toMatch(CONTROL);
    expect(run.stdout).not.toContain('evil.example');
  });
});

describe('nkmsg check on broken or orphaned expectations', () => {
  it('accepts an expectation file with a byte-order mark', async () => {
    const own = tempDir();
    try {
      copyFileSync(join(FIXTURES, `${RUSSIA}.txt`), join(own.dir, 'a.txt'));
      writeFileSync(join(own.dir, 'a.expect.json'), '\uFEFF' + JSON.stringify({ sender: current.sender }));
      const run = await nkmsgInProcess(['check', own.dir]);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('PASS');
    } finally {
      own.cleanup();
    }
  });

  it('fails an expectation whose article is gone, and reports a too deeply nested snapshot as broken while checking the rest', async () => {
    const own = tempDir();
    try {
      copyFileSync(join(FIXTURES, `${RUSSIA}.txt`), join(own.dir, 'a.txt'));
      writeFileSync(join(own.dir, 'a.expect.json'), JSON.stringify({ sender: current.sender }));
      writeFileSync(join(own.dir, 'gone.expect.json'), JSON.stringify({ sender: current.sender }));
      copyFileSync(join(FIXTURES, `${RUSSIA}.txt`), join(own.dir, 'deep.txt'));
      writeFileSync(join(own.dir, 'deep.expect.json'), '{"snapshot":' + '{"x":'.repeat(20000) + '{}' + '}'.repeat(20000) + '}');
      const run = await nkmsgInProcess(['check', own.dir]);
      expect(run.stdout).toContain(`PASS ${join(own.dir, 'a.txt')}`);
      expect(run.stdout).toContain(`FAIL ${join(own.dir, 'gone.txt')}`);
      expect(run.stdout).toContain(`ERROR ${join(own.dir, 'deep.txt')}`);
      expect(run.stdout).toContain('3 fixture(s): 1 passed, 1 failed, 1 broken');
      expect(run.stderr).toContain('gone.expect.json: article missing');
      expect(run.stderr).toContain('deep.expect.json: nested too deeply to compare');
      expect(noStackTrace(run.stderr)).toBe(true);
      expect(run.code).toBe(2);
    } finally {
      own.cleanup();
    }
  });

  it('fails an expectation file named on its own whose article is gone as it does in a folder, exit 1', async () => {
    const own = tempDir();
    try {
      const gone = join(own.dir, 'gone.expect.json');
      writeFileSync(gone, JSON.stringify({ sender: current.sender }));
      const line = `nkmsg: error: ${gone}: article missing (no ${join(own.dir, 'gone.txt')} beside it); restore the article or delete the expectation file\n`;
      for (const arg of [gone, own.dir]) {
        const run = await nkmsgInProcess(['check', arg]);
        expect(run.stdout).toBe(`FAIL ${join(own.dir, 'gone.txt')}\n\n1 fixture(s): 0 passed, 1 failed\n`);
        expect(run.stderr).toBe(line);
        expect(run.code).toBe(1);
      }
      const update = await nkmsgInProcess(['check', '--update', gone]);
      expect(update.stdout).toBe(`FAIL ${join(own.dir, 'gone.txt')}\n\n1 fixture(s): 0 expectation file(s) written, 1 failed\n`);
      expect(update.stderr).toBe(line);
      expect(update.code).toBe(1);
    } finally {
      own.cleanup();
    }
  });
});

describe('nkmsg check on arguments that name missing articles, nothing, or one fixture twice', () => {
  let own: ReturnType<typeof tempDir>;
  let a: string;
  beforeAll(() => {
    own = tempDir();
    a = join(own.dir, 'a.txt');
    copyFileSync(join(FIXTURES, `${RUSSIA}.txt`), a);
    writeFileSync(join(own.dir, 'a.expect.json'), JSON.stringify({ sender: current.sender }));
    writeFileSync(join(own.dir, 'gone.expect.json'), JSON.stringify({ sender: current.sender }));
  });
  afterAll(() => own.cleanup());

  it('fails a named article that is missing, checks the rest and gives the summary, exit 1', async () => {
    const nothere = join(own.dir, 'nothere.txt');
    const run = await nkmsgInProcess(['check', nothere, a]);
    expect(run.stdout).toBe(`FAIL ${nothere}\nPASS ${a}\n\n2 fixture(s): 1 passed, 1 failed\n`);
    expect(run.stderr).toBe(`nkmsg: error: ${nothere}: article missing (no such file, and no expectation file ${join(own.dir, 'nothere.expect.json')}); check the path\n`);
    expect(run.code).toBe(1);
  });

  it('fails a named article that is gone while its expectation file is there, as when the expectation file is named, exit 1', async () => {
    const gone = join(own.dir, 'gone.txt');
    const run = await nkmsgInProcess(['check', gone, a]);
    expect(run.stdout).toBe(`FAIL ${gone}\nPASS ${a}\n\n2 fixture(s): 1 passed, 1 failed\n`);
    expect(run.stderr).toBe(`nkmsg: error: ${join(own.dir, 'gone.expect.json')}: article missing (no ${gone} beside it); restore the article or delete the expectation file\n`);
    expect(run.code).toBe(1);
    const update = await nkmsgInProcess(['check', '--update', gone]);
    expect(update.stdout).toBe(`FAIL ${gone}\n\n1 fixture(s): 0 expectation file(s) written, 1 failed\n`);
    expect(update.code).toBe(1);
  });

  it('reports a path that names no fixture (a typo\'d folder, a folder without fixtures) as an error, still checks the rest, exit 2', async () => {
    const typo = join(own.dir, 'fixturs');
    const empty = join(own.dir, 'empty');
    mkdirSync(empty);
    const run = await nkmsgInProcess(['check', typo, a, empty]);
    expect(run.stdout).toBe(`ERROR ${typo}\nPASS ${a}\nERROR ${empty}\n\n1 fixture(s): 1 passed, 0 failed; 2 paths named no fixture\n`);
    expect(run.stderr).toBe(
      `nkmsg: error: ${typo}: no such file or folder; name fixture articles (NAME.txt or NAME.md), their NAME.expect.json files, or folders of them\n` +
        `nkmsg: error: ${empty}: no article in it has an expectation file (NAME.expect.json beside NAME.txt); create one with nkmsg check --update ARTICLE\n`,
    );
    expect(run.code).toBe(2);
  });

  it('checks a fixture once however it is named: its article, ./article, its expectation file, its folder', async () => {
    const run = await nkmsgInProcess(['check', a, join(own.dir, 'a.expect.json'), own.dir, `${own.dir}/./a.txt`, join(own.dir, 'gone.txt'), join(own.dir, 'gone.expect.json')]);
    expect(run.stdout).toBe(`PASS ${a}\nFAIL ${join(own.dir, 'gone.txt')}\n\n2 fixture(s): 1 passed, 1 failed\n`);
    // The gone fixture's one failure, once, named two ways.
    expect(run.stderr).toMatch(new RegExp(`^[^\\n]*${join(own.dir, 'gone.expect.json').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: article missing [^\\n]*\\n$`));
    expect(run.code).toBe(1);
  });
});

describe('whether --update (and --output) may replace a file', () => {
  // The file system's answers for the user running nkmsg are in ../e2e/cli-streams.test.ts; this is the decision made from them.
  it.each([
    [{ kind: 'file', fileWritable: false, folderWritable: true }, 'file'],
    [{ kind: 'file', fileWritable: false, folderWritable: false }, 'file'],
    [{ kind: 'file', fileWritable: true, folderWritable: false }, 'folder'],
    [{ kind: 'none', fileWritable: false, folderWritable: false }, 'folder'],
    [{ kind: 'file', fileWritable: true, folderWritable: true }, null],
    [{ kind: 'none', fileWritable: false, folderWritable: true }, null],
    [{ kind: 'other', fileWritable: true, folderWritable: false }, null],
  ] as const)('%o is refused for: %s', (target, refusal) => {
    expect(writeRefusal(target)).toBe(refusal);
  });
});
