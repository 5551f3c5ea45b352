/** The pool worker: each task is one input, run exactly as in process. */
import { runTask, type Task } from './task.js';
import type { Outcome } from '../format/json.js';

export default function work(task: Task): Promise<Outcome> {
  return runTask(task);
}
