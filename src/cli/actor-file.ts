/** Reading an actor file; every problem is a usage error naming the file, the entry and the field. */
import { readFile } from 'node:fs/promises';
import { ActorFileError, parseActorFile } from '../actors.js';
import type { ActorDefinition } from '../types.js';
import { fileError, showPath, UsageError } from './errors.js';
import { safeLine } from '../format/sanitize.js';
import { decode, utf16Order } from '../decode.js';

export async function loadActorFile(path: string, label = '--actors'): Promise<ActorDefinition[]> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new UsageError(`${label} ${showPath(path)}: ${fileError(error, path).message}`);
  }
  const text = actorFileText(bytes);
  if (text === null) throw new UsageError(`${label} ${showPath(path)}: not valid UTF-8 (or UTF-16 with a byte-order mark); save the actor file as UTF-8`);
  let data: unknown;
  try {
    data = JSON.parse(text);
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
 * An actor file's text: UTF-8 (a byte-order mark allowed) or UTF-16 with a byte-order mark;
 * null for anything else. Unlike an article, a name read in the wrong encoding ("Erdo\uFFFDan")
 * could never match, so such a file is refused rather than guessed at.
 */
function actorFileText(bytes: Uint8Array): string | null {
  try {
    return utf16Order(bytes) !== null ? decode(bytes).text : new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
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
export const namesActor = (wanted: string): ((actor: { id: string; name: string; country: string }) => boolean) => {
  const lower = wanted.trim().toLowerCase();
  return (actor) => actor.id === lower || actor.name.toLowerCase() === lower || actor.country.toLowerCase() === lower;
};
