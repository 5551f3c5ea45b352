/**
 * The index of the stance model's weights (src/model-index.ts): it must give every feature's
 * weights exactly as the JSON holds them, find nothing for features the model lacks, and be
 * used only for the weights it was made from.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { featureHash, readIndex, rowsFingerprint, writeIndex, type WeightRow } from '../../src/model-index.js';
import { classify, modelFromIndex, readModel } from '../../src/reader.js';

const modelDir = join(import.meta.dirname, '..', '..', 'model');
const fileBytes = readFileSync(join(modelDir, 'stance.json'));
const file = JSON.parse(fileBytes.toString('utf8')) as { provenance: Record<string, unknown>; weights: WeightRow[] };
const rows = file.weights;

const indexOf = (r: readonly WeightRow[]) => {
  const bytes = writeIndex(r);
  if (bytes instanceof Error) throw bytes;
  return bytes;
};

describe('the weight index', () => {
  const bytes = indexOf(rows);
  const index = readIndex(bytes)!;

  it('gives every feature of the committed model its three weights, exactly', () => {
    const wrong = rows.filter(([feature, ...weights]) => JSON.stringify(index.weightsOf(feature)) !== JSON.stringify(weights));
    expect(wrong).toEqual([]);
  });

  it('finds nothing for features the model lacks', () => {
    const known = new Set(rows.map(([feature]) => feature));
    const absent = ['', 'no such feature', '\uffff', ...rows.slice(0, 2000).map(([feature]) => `${feature}x`)].filter((f) => !known.has(f));
    expect(absent.filter((f) => index.weightsOf(f) !== undefined)).toEqual([]);
  });

  it('is named by the fingerprint the model records, and only the same rows have it', () => {
    expect(index.fingerprint).toBe(rowsFingerprint(rows));
    expect(file.provenance['weightsSha256']).toBe(index.fingerprint);
    const changed: WeightRow[] = rows.map((row, i) => (i === 7 ? [row[0], row[1] + 0.0001, row[2], row[3]] : row));
    expect(rowsFingerprint(changed)).not.toBe(index.fingerprint);
  });

  it('reads the same from bytes that do not start on a word boundary', () => {
    const shifted = new Uint8Array(bytes.byteLength + 1).subarray(1);
    shifted.set(bytes);
    const probes = rows.filter((_, i) => i % 1009 === 0);
    expect(probes.map(([f]) => readIndex(shifted)!.weightsOf(f))).toEqual(probes.map(([, ...w]) => w));
  });

  it('refuses weights it cannot keep exactly, and reads nothing from other bytes', () => {
    expect(writeIndex([['a', 0.12345, 0, 0]])).toBeInstanceOf(Error);
    expect(writeIndex([['a', 4, 0, 0]])).toBeInstanceOf(Error);
    expect(readIndex(new Uint8Array(0))).toBeNull();
    expect(readIndex(fileBytes)).toBeNull();
    expect(readIndex(bytes.subarray(0, bytes.byteLength - 2))).toBeNull();
  });

  it('hashes names apart by both halves', () => {
    const hashes = new Set(rows.map(([feature]) => featureHash(feature).join(':')));
    expect(hashes.size).toBe(rows.length);
    expect(featureHash('W:talks')).toEqual(featureHash('W:talks'));
    expect(featureHash('W:talks')).not.toEqual(featureHash('W:talk'));
  });

  it('makes a model that reads pairs as the whole file does, and none from a head with other weights', () => {
    const whole = readModel(JSON.stringify(file));
    const head = fileBytes.subarray(0, 64 * 1024);
    const model = modelFromIndex(head, index)!;
    expect(model.temperature).toBe(whole.temperature);
    for (let start = 0; start < rows.length; start += 7919) {
      const pair = rows.slice(start, start + 30).map(([feature]) => feature);
      expect(classify(model, pair, 3)).toEqual(classify(whole, pair, 3));
    }
    const other = readIndex(indexOf(rows.slice(1)))!;
    expect(modelFromIndex(head, other)).toBeNull();
    expect(modelFromIndex(fileBytes.subarray(0, 100), index)).toBeNull();
  });

  it('is not trusted where it reads the first rows otherwise than the file, whatever its fingerprint says', () => {
    const head = fileBytes.subarray(0, 64 * 1024);
    const madeAnotherWay = { fingerprint: index.fingerprint, weightsOf: (feature: string) => (feature === rows[3]![0] ? ([0, 0, 0] as [number, number, number]) : index.weightsOf(feature)) };
    expect(modelFromIndex(head, madeAnotherWay)).toBeNull();
    const noProvenance = Buffer.from(`{\n "temperature": 1,\n "weights": [\n  ${JSON.stringify(rows[0])},\n  ${JSON.stringify(rows[1])}\n ]\n}\n`);
    expect(modelFromIndex(noProvenance, index)).toBeNull();
  });

  it.skipIf(!existsSync(join(modelDir, 'stance.idx')))('is what the build wrote into model/stance.idx', () => {
    expect(Buffer.compare(readFileSync(join(modelDir, 'stance.idx')), bytes)).toBe(0);
  });
});
