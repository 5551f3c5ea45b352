/**
 * Fallback for peak RSS when /usr/bin/time is missing: preloaded with
 * `node --import`, it writes the process's peak resident set size (kB, from
 * process.resourceUsage().maxRSS, which covers all threads of the process)
 * to the file named by NKMSG_BENCH_RSS_FILE when the process exits.
 */
import { writeFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const file = process.env.NKMSG_BENCH_RSS_FILE;
if (file && isMainThread) {
  process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
}
