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
