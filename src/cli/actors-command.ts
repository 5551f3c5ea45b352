/** `nkmsg actors`: the actor set in use, as a table or as an actor file (a start for a custom one). */
import { formatJsonValue } from '../format/json.js';
import { DEFAULT_ACTORS } from '../data/actors.js';
import { toActorFile } from '../actors.js';
import { safeLine } from '../format/sanitize.js';
import type { ActorDefinition } from '../types.js';
import { loadActorFile } from './actor-file.js';
import type { CliIO } from './io.js';

export async function runActors(options: { json: boolean; actors?: string }, io: CliIO): Promise<number> {
  const actors: ActorDefinition[] = options.actors ? await loadActorFile(options.actors) : DEFAULT_ACTORS;
  if (options.json) {
    io.stdout.write(formatJsonValue(toActorFile(actors)));
    return 0;
  }
  const lines: string[] = [];
  for (const a of actors) {
    lines.push(`${safeLine(a.id)}  ${safeLine(a.name)} (${safeLine(a.country)})`);
    const names = [...a.aliases, ...(a.demonyms ?? []), ...a.institutions, ...a.leaders, ...(a.contextual ?? []).map((c) => c.phrase)];
    if (names.length > 0) lines.push(`    ${names.map(safeLine).join(', ')}`);
  }
  io.stdout.write(lines.join('\n') + '\n');
  return 0;
}
