import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { compileActorSet, parseActorFile, type ActorSet } from '../../src/actors.js';

export const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');

export interface Fixture {
  name: string;
  text: string;
  goldPath: string;
  actorSet?: ActorSet;
}

/** Every fixture article that has a gold file, with its own actor set when it has one. */
export function fixtures(): Fixture[] {
  return readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.gold.json'))
    .sort()
    .map((f) => {
      const name = f.replace(/\.gold\.json$/, '');
      const actorsPath = join(FIXTURES, `${name}.actors.json`);
      return {
        name,
        text: readFileSync(join(FIXTURES, `${name}.txt`), 'utf8'),
        goldPath: join(FIXTURES, f),
        ...(existsSync(actorsPath) ? { actorSet: compileActorSet(parseActorFile(JSON.parse(readFileSync(actorsPath, 'utf8')))) } : {}),
      };
    });
}
