/** Reading an actor file; every problem is a usage error naming the file, the entry and the field. */
import { readFile } from 'node:fs/promises';
import { ActorFileError, parseActorFile } from '../actors.js';
import type { ActorDefinition } from '../types.js';
import { fileError, showPath, UsageError } from './errors.js';
import { safeLine } from '../format/sanitize.js';

export async function loadActorFile(path: string, label = '--actors'): Promise<ActorDefinition[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`${label} ${showPath(path)}: ${fileError(error, path).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new UsageError(`${label} ${showPath(path)}: not valid JSON (${safeLine(why)}); an actor file is a JSON array of {"id", "name", ...} entries`);
  }
  try {
    return parseActorFile(data);
  } catch (error) {
    if (error instanceof ActorFileError) {
      throw new UsageError(`${label} ${showPath(path)}: ${safeLine(error.message)}; fix the actor file (see nkmsg actors --json for an example)`);
    }
    throw error;
  }
}

/**
 * The actor an option names, by id or name or country, in any case
 * ("--sender Beijing", "--actor tokyo"); a usage error listing the ids otherwise.
 */
export function actorNamed(set: readonly ActorDefinition[], wanted: string, option: string): ActorDefinition {
  const actor = set.find(namesActor(wanted));
  if (!actor) throw new UsageError(`${option} ${JSON.stringify(wanted)} is not an actor of the set; use an id or a name: ${set.map((a) => a.id).join(', ')}`);
  return actor;
}

/** Whether an option's value names an actor: its id, name or country, in any case. */
export const namesActor =
  (wanted: string) =>
  (actor: { id: string; name: string; country: string }): boolean => {
    const lower = wanted.trim().toLowerCase();
    return actor.id === lower || actor.name.toLowerCase() === lower || actor.country.toLowerCase() === lower;
  };
