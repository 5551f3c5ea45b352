/**
 * A private copy of the build for one benchmark or profile run. Others may
 * rebuild dist/ while a run is going; measuring a copy keeps every figure of
 * the run on one build. The copy holds package.json, bin/, dist/ and model/
 * (without the models the analysis would fall back to the rules, which is not
 * what users run), with node_modules linked to the project's, so it runs
 * exactly like the original.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';

/** Every .js file under `dir` (relative path -> text). */
export function readTree(dir, prefix = '') {
  const files = new Map();
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(dir, entry.name);
    const name = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) for (const [k, v] of readTree(path, name)) files.set(k, v);
    else if (entry.name.endsWith('.js')) files.set(name, readFileSync(path, 'utf8'));
  }
  return files;
}

/** A short hash of the .js files under `dir`, to tell builds apart. */
export function fingerprint(dir) {
  const hash = createHash('sha256');
  for (const [name, text] of readTree(dir)) hash.update(`${name}\0${text}\0`);
  return hash.digest('hex').slice(0, 16);
}

/** Copies the build of the project at `root` into `into`; returns the copy's paths. */
export function snapshotBuild(root, into) {
  mkdirSync(into, { recursive: true });
  cpSync(join(root, 'package.json'), join(into, 'package.json'));
  cpSync(join(root, 'bin'), join(into, 'bin'), { recursive: true });
  cpSync(join(root, 'dist'), join(into, 'dist'), { recursive: true });
  cpSync(join(root, 'model'), join(into, 'model'), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(into, 'node_modules'), 'dir');
  return {
    root: into,
    bin: join(into, 'bin', 'nkmsg.js'),
    dist: join(into, 'dist'),
    index: join(into, 'dist', 'index.js'),
    fingerprint: fingerprint(join(into, 'dist')),
  };
}
