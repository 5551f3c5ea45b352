/**
 * An index of the stance model's weights for fast lookup: `npm run build` writes it from
 * model/stance.json (scripts/index-model.mjs) into model/stance.idx, which git does not keep.
 * A feature is found by a 64-bit hash of its name and a binary search over typed arrays,
 * instead of a binary search over the text of 119,000 rows: a cold start's first article took
 * about 30 % less time with it.
 *
 * The index names the rows it was made from by their SHA-256 (`rowsFingerprint`), which
 * train.mjs also writes into the model's provenance as `weightsSha256`; a reader uses the index
 * only when the two agree, and reads the JSON otherwise. Weights are kept as whole multiples of
 * 1/10,000 (training rounds them to `decimals`, 4), which gives back exactly the numbers the JSON
 * holds; weights with more decimals are not indexed. A feature the model lacks could only be given
 * weights by sharing all 64 bits of its hash with one the model has.
 *
 * A change to the hash or the layout must change MAGIC: the reader also checks the first rows of
 * the JSON against the index (reader.ts), but an index of the same weights made another way
 * would otherwise pass the fingerprint.
 *
 * Layout, little-endian: "NKMSGIX1", count (u32), fingerprint length (u32), the fingerprint's
 * ASCII, padding to a multiple of 4, then count first hashes (u32), count second hashes (u32)
 * and 3 x count weights (i16, times 10,000), sorted by (first, second) hash.
 */
import { createHash } from 'node:crypto';

const MAGIC = 'NKMSGIX1';
const SCALE = 10_000;

/** A feature's row as the model file lists it: [feature, cooperative, conflictual, neutral]. */
export type WeightRow = readonly [string, number, number, number];

/** The fingerprint of a model's rows: SHA-256 of their JSON, in the model file's order. */
export const rowsFingerprint = (rows: readonly WeightRow[]): string => createHash('sha256').update(JSON.stringify(rows)).digest('hex');

/** A 64-bit hash of a name's UTF-16 code units, as two 32-bit halves (cyrb53's mixing, both halves kept). */
export function featureHash(name: string): [number, number] {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return [h1 >>> 0, h2 >>> 0];
}

/** Why rows cannot be indexed, or null when they can. */
function unindexable(rows: readonly WeightRow[], hashes: [number, number][]): string | null {
  for (const [feature, ...weights] of rows) {
    for (const w of weights) {
      const scaled = w * SCALE;
      if (Math.round(scaled) / SCALE !== w || Math.abs(scaled) > 32_767) return `the weight ${w} of ${JSON.stringify(feature)} is not a multiple of 1/${SCALE} below 3.2767`;
    }
  }
  const seen = new Set(hashes.map(([a, b]) => `${a}:${b}`));
  if (seen.size !== hashes.length) return 'two features share a hash';
  return null;
}

/** The index of `rows`, or an error saying why they cannot be indexed (then the JSON is read instead). */
export function writeIndex(rows: readonly WeightRow[]): Uint8Array | Error {
  const hashes = rows.map(([feature]) => featureHash(feature));
  const problem = unindexable(rows, hashes);
  if (problem !== null) return new Error(problem);
  const order = rows.map((_, i) => i).sort((i, j) => hashes[i]![0] - hashes[j]![0] || hashes[i]![1] - hashes[j]![1]);
  const fingerprint = rowsFingerprint(rows);
  const headBytes = 8 + 4 + 4 + fingerprint.length;
  const start = Math.ceil(headBytes / 4) * 4;
  const count = rows.length;
  const buffer = new ArrayBuffer(start + count * 8 + count * 6);
  const view = new DataView(buffer);
  const bytes = new Uint8Array(buffer);
  bytes.set(Buffer.from(MAGIC, 'ascii'), 0);
  view.setUint32(8, count, true);
  view.setUint32(12, fingerprint.length, true);
  bytes.set(Buffer.from(fingerprint, 'ascii'), 16);
  order.forEach((row, k) => {
    view.setUint32(start + 4 * k, hashes[row]![0], true);
    view.setUint32(start + 4 * count + 4 * k, hashes[row]![1], true);
    for (let label = 0; label < 3; label++) view.setInt16(start + 8 * count + 2 * (3 * k + label), Math.round((rows[row]![label + 1] as number) * SCALE), true);
  });
  return bytes;
}

export interface WeightIndex {
  /** The rows' fingerprint (see rowsFingerprint). */
  fingerprint: string;
  /** A feature's three weights, or undefined when the model has none. */
  weightsOf: (feature: string) => [number, number, number] | undefined;
}

/** An index as writeIndex wrote it, or null for anything else. */
export function readIndex(file: Uint8Array): WeightIndex | null {
  if (file.byteLength < 16 || Buffer.from(file.buffer, file.byteOffset, 8).toString('latin1') !== MAGIC) return null;
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const count = view.getUint32(8, true);
  const fingerprintLength = view.getUint32(12, true);
  const start = Math.ceil((16 + fingerprintLength) / 4) * 4;
  if (file.byteLength !== start + count * 14) return null;
  const fingerprint = Buffer.from(file.buffer, file.byteOffset + 16, fingerprintLength).toString('latin1');
  // Typed arrays need aligned offsets and this machine's byte order; a copy gives the first, the check the second.
  const aligned = file.byteOffset % 4 === 0 ? file : file.slice();
  if (new Uint8Array(Uint16Array.of(1).buffer)[0] !== 1) return null;
  const first = new Uint32Array(aligned.buffer, aligned.byteOffset + start, count);
  const second = new Uint32Array(aligned.buffer, aligned.byteOffset + start + 4 * count, count);
  const weights = new Int16Array(aligned.buffer, aligned.byteOffset + start + 8 * count, 3 * count);
  const weightsOf = (feature: string): [number, number, number] | undefined => {
    const [h1, h2] = featureHash(feature);
    let low = 0;
    let high = count;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (first[middle]! < h1) low = middle + 1;
      else high = middle;
    }
    for (let k = low; k < count && first[k] === h1; k++) {
      if (second[k] === h2) return [weights[3 * k]! / SCALE, weights[3 * k + 1]! / SCALE, weights[3 * k + 2]! / SCALE];
    }
    return undefined;
  };
  return { fingerprint, weightsOf };
}
