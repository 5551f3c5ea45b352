/** nkmsg as a library: the analysis, actor sets, input decoding and the formatters. */
export { analyze, type AnalyzeOptions } from './analyze.js';
export { postureOf } from './posture.js';
export { buildDyads, eachDyad, type DyadVisitor } from './dyads.js';
export { ActorFileError, compileActorSet, defaultActorSet, parseActorFile, toActorFile, type ActorSet } from './actors.js';
export { decode, NotTextError, type Decoded, type Encoding } from './decode.js';
export { formatText } from './format/text.js';
export { formatExplain } from './format/explain.js';
export { formatMarkdown } from './format/markdown.js';
export { formatCsv, csvHeader, csvRows } from './format/csv.js';
export { formatJson, formatJsonArray, formatNdjson, isErrorRecord, type ErrorRecord, type Outcome } from './format/json.js';
export { safeLine } from './format/sanitize.js';
export type { FormatOptions, Palette } from './format/options.js';
export { VERSION } from './version.js';
export type * from './types.js';
