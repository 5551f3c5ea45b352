/**
 * Properties of the edges that take untrusted input: NDJSON streams (random
 * chunking, long lines, bad UTF-8, odd ids), argv (random bytes in file names
 * and option values) and actor files (random keys and values). `npm run fuzz`
 * runs each with 10,000 cases (NKMSG_FUZZ_RUNS).
 */
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ActorFileError, compileActorSet, parseActorFile } from '../dist/actors.js';
import { readRecords } from '../dist/cli/inputs.js';
import { nkmsgInProcess, tempDir } from './helpers.js';

const RUNS = Number(process.env['NKMSG_FUZZ_RUNS'] ?? 100);
/** 10,000 cases take minutes, not the suite's default minute. */
const TIMEOUT = Math.max(60_000, RUNS * 60);
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** Bytes as a stream that arrives in the given chunk sizes. */
function chunked(bytes: Uint8Array, sizes: number[]): Readable {
  const chunks: Buffer[] = [];
  let at = 0;
  for (const size of sizes) {
    if (at >= bytes.length) break;
    chunks.push(Buffer.from(bytes.subarray(at, at + size)));
    at += size;
  }
  if (at < bytes.length) chunks.push(Buffer.from(bytes.subarray(at)));
  return Readable.from(chunks);
}

const record = fc.oneof(
  fc.record({ id: fc.oneof(fc.string(), fc.integer(), fc.double(), fc.constant(null), fc.boolean()), text: fc.oneof(fc.string(), fc.constant('Seoul met Tokyo.')) }).map((r) => JSON.stringify(r)),
  fc.string(),
  fc.string({ minLength: 200, maxLength: 400 }).map((s) => JSON.stringify({ id: 'long', text: s })),
);
const line = fc.oneof(record, fc.uint8Array({ maxLength: 40 }).map((b) => Buffer.from(b).toString('latin1')));

describe('NDJSON input, any stream', () => {
  it('yields one outcome per non-blank line, in order, never more than the limit of one line, throwing only for a stream that is no NDJSON or holds no record', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 12 }), fc.array(fc.integer({ min: 1, max: 64 }), { maxLength: 40 }), fc.boolean(), async (lines, sizes, badBytes) => {
        let bytes = Buffer.from(lines.join('\n'), 'utf8');
        if (badBytes) bytes = Buffer.concat([bytes, Buffer.from([0xff, 0xfe, 0x0a])]);
        const maxBytes = 256;
        const seen: number[] = [];
        const firstLine = bytes
          .toString('utf8')
          .split('\n')
          .map((l) => l.replace(/^\uFEFF/, '').trim())
          .find((l) => l !== '');
        try {
          for await (const r of readRecords(chunked(bytes, sizes), maxBytes)) {
            seen.push(r.line);
            if (r.ok) {
              expect(typeof r.text).toBe('string');
              expect(typeof r.id === 'string' || Number.isSafeInteger(r.id)).toBe(true);
              expect(Buffer.byteLength(r.text)).toBeLessThanOrEqual(maxBytes);
            } else {
              expect(r.message).toMatch(/^line \d+/);
            }
          }
        } catch (error) {
          // Refused whole, before any record: when it has no non-blank line, or its first is no JSON object.
          expect(seen).toEqual([]);
          if (firstLine === undefined) expect((error as { code?: string }).code).toBe('no-records');
          else {
            expect((error as { code?: string }).code).toBe('not-ndjson');
            expect(firstLine.startsWith('{')).toBe(false);
          }
        }
        expect([...seen].sort((a, b) => a - b)).toEqual(seen);
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);
});

const wild = fc.oneof(fc.string({ unit: 'binary', maxLength: 20 }), fc.constantFrom('\u001b[2J', '\u001b]52;c;ZXZpbA==\u0007', '\u202e', '\u009b31m', 'a\rb', '\u0000'));

const scratch = tempDir('nkmsg-fuzz-');
afterAll(() => scratch.cleanup());

describe('argv, any bytes', () => {
  it('never writes a raw control character to stderr, and exits 0, 1 or 2', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('analyze', 'check', 'actors', 'analyse'),
        fc.array(fc.oneof(wild, fc.constantFrom('--sender', '--top', '--jobs', '--format', '--as-of', '--actors', '-o', '--max-bytes', '--x')), { maxLength: 5 }),
        async (command, args) => {
          // Options that would write files are given a value that cannot do harm, "--" keeps the input
          // from becoming an option's value, and the run happens in a scratch folder.
          const safe = args.map((a, i) => (args[i - 1] === '-o' || args[i - 1] === '--output' ? '/dev/null' : a));
          const run = await nkmsgInProcess([command, ...safe, '--', 'no-such-input-file.txt'], { stdinIsTTY: true, cwd: scratch.dir });
          expect([0, 1, 2]).toContain(run.code);
          expect(RAW_CONTROL.test(run.stderr)).toBe(false);
        },
      ),
      { numRuns: RUNS },
    );
  }, TIMEOUT);
});

describe('actor files, any keys and values', () => {
  it('either give an actor set that works or an ActorFileError, nothing else', () => {
    const value = fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.constant(null), fc.array(fc.oneof(fc.string({ maxLength: 12 }), fc.integer()), { maxLength: 3 }));
    const entry = fc.dictionary(fc.oneof(fc.constantFrom('id', 'name', 'country', 'aliases', 'leaders', 'institutions', 'demonyms', 'officials', 'contextual'), fc.string({ maxLength: 8 })), value, { maxKeys: 6 });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 4 }), (data) => {
        try {
          const set = compileActorSet(parseActorFile(data));
          expect(set.actors.length).toBe(data.length);
        } catch (error) {
          expect(error).toBeInstanceOf(ActorFileError);
        }
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);
});
