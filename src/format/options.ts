import { Chalk, type ChalkInstance } from 'chalk';

/** What the human formatters need besides the result. */
export interface FormatOptions {
  /** Colours to use; colourless when absent. The caller decides the level (see cli/color.ts). */
  chalk?: ChalkInstance;
}

export const plain: ChalkInstance = new Chalk({ level: 0 });

export const colours = (options: FormatOptions): ChalkInstance => options.chalk ?? plain;
