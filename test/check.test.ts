/** `nkmsg check` against temporary copies of fixtures, with expectation files written by the test. */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../dist/analyze.js';
import { compileActorSet, parseActorFile } from '../dist/actors.js';
import { FIXTURES, nkmsg, noStackTrace, tempDir } from './helpers.js';

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
    const run = await nkmsg(['check', dir]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(`PASS ${join(dir, `${RUSSIA}.txt`)}\nPASS ${join(dir, `${TURKEY}.txt`)}\n\n2 fixture(s): 2 passed, 0 failed\n`);
    expect(run.code).toBe(0);
  });

  it('fails with a readable per-field diff and evidence sentences when a posture was changed by hand, exit 1', async () => {
    const tokyo = current.actors.find((a) => a.id === 'tokyo')!;
    write(`${RUSSIA}.expect.json`, { sender: current.sender, postures: { ...posturesOf(current), tokyo: other(tokyo.posture) } });
    const run = await nkmsg(['check', join(dir, `${RUSSIA}.txt`)]);
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
    const run = await nkmsg(['check', join(dir, `${RUSSIA}.expect.json`)]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`nkmsg: error: ${join(dir, `${RUSSIA}.expect.json`)}: field "postures.tokyo": "angry" is not a posture; use friendly, hostile, mixed, neutral\n`);
    writeFileSync(join(dir, `${RUSSIA}.expect.json`), '{"sender": ');
    const notJson = await nkmsg(['check', join(dir, `${RUSSIA}.txt`)]);
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toMatch(/^nkmsg: error: .*russia-nk-opening\.expect\.json: not valid JSON \(.+\); fix the file or delete it and run nkmsg check --update\n$/);
    expect(noStackTrace(notJson.stderr)).toBe(true);
  });

  it('exits 2 for an article without an expectation file, saying how to create one', async () => {
    const bare = join(dir, 'bare.txt');
    copyFileSync(join(FIXTURES, `${RUSSIA}.txt`), bare);
    const run = await nkmsg(['check', bare]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`nkmsg: error: ${bare}: no expectation file ${join(dir, 'bare.expect.json')}; create one with nkmsg check --update ${bare}\n`);
  });

  it('--update writes sender, postures and tallies for a new fixture, then check passes', async () => {
    const fresh = join(dir, 'fresh.txt');
    copyFileSync(join(FIXTURES, `${RUSSIA}.txt`), fresh);
    const run = await nkmsg(['check', '--update', fresh]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`CREATED ${join(dir, 'fresh.expect.json')}\n`);
    const written = JSON.parse(readFileSync(join(dir, 'fresh.expect.json'), 'utf8'));
    expect(Object.keys(written)).toEqual(['sender', 'postures', 'tallies']);
    expect(written.postures).toEqual(posturesOf(current));
    expect((await nkmsg(['check', fresh])).code).toBe(0);
  });

  it('--update refreshes only the fields (and actors) already present', async () => {
    write(`${RUSSIA}.expect.json`, { $comment: 'pinned by hand', mentions: { tokyo: 999 }, messages: { seoul: ['old'] } });
    const run = await nkmsg(['check', '--update', join(dir, `${RUSSIA}.txt`)]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('UPDATED');
    const written = JSON.parse(readFileSync(join(dir, `${RUSSIA}.expect.json`), 'utf8'));
    expect(written).toEqual({
      $comment: 'pinned by hand',
      mentions: { tokyo: current.actors.find((a) => a.id === 'tokyo')!.mentions },
      messages: { seoul: current.actors.find((a) => a.id === 'seoul')!.message?.summary.map((s) => s.text) ?? [] },
    });
    const again = await nkmsg(['check', '--update', join(dir, `${RUSSIA}.txt`)]);
    expect(again.stdout).toContain('UNCHANGED');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('runs on the project fixtures: every fixture with an expectation file gets a PASS or FAIL line, never a broken file', async () => {
    const expected = readdirSync(FIXTURES).filter((f) => f.endsWith('.expect.json'));
    if (expected.length === 0) return;
    const run = await nkmsg(['check', 'fixtures/']);
    expect([0, 1]).toContain(run.code);
    expect(run.stdout.match(/^(PASS|FAIL) fixtures\//gm)).toHaveLength(expected.length);
    expect(noStackTrace(run.stderr)).toBe(true);
  });
});
