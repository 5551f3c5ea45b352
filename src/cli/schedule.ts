/**
 * Runs tasks with up to `window` in flight and hands their outcomes to
 * `emit` in input order, as soon as each one and all before it are done.
 * Tasks are pulled from an async source, so a stream of JSON lines is
 * processed while it is still being read. `stopped()` ends the run early
 * (the reader of stdout went away).
 */
export async function inOrder<T, R>(
  source: AsyncIterable<T>,
  run: (task: T) => Promise<R>,
  emit: (outcome: R, task: T) => Promise<void>,
  options: { window: number; stopped: () => boolean },
): Promise<void> {
  const queue: { task: T; outcome: Promise<R> }[] = [];
  let finished = false;
  let wakeConsumer: (() => void) | null = null;
  let wakeProducer: (() => void) | null = null;
  const poke = (which: 'consumer' | 'producer'): void => {
    const wake = which === 'consumer' ? wakeConsumer : wakeProducer;
    if (which === 'consumer') wakeConsumer = null;
    else wakeProducer = null;
    wake?.();
  };

  const produce = async (): Promise<void> => {
    try {
      for await (const task of source) {
        if (options.stopped()) break;
        const outcome = run(task);
        outcome.catch(() => undefined);
        queue.push({ task, outcome });
        poke('consumer');
        while (queue.length >= options.window && !options.stopped()) {
          await new Promise<void>((resolve) => (wakeProducer = resolve));
        }
        if (options.stopped()) break;
      }
    } finally {
      finished = true;
      poke('consumer');
    }
  };

  const consume = async (): Promise<void> => {
    for (;;) {
      const head = queue[0];
      if (!head) {
        if (finished) return;
        await new Promise<void>((resolve) => (wakeConsumer = resolve));
        continue;
      }
      const outcome = await head.outcome;
      queue.shift();
      poke('producer');
      if (options.stopped()) continue;
      await emit(outcome, head.task);
      if (options.stopped()) poke('producer');
    }
  };

  const settled = await Promise.allSettled([produce(), consume()]);
  for (const s of settled) if (s.status === 'rejected') throw s.reason;
}
