/** Paints a piece of text, as each of chalk's styles does. */
export type Paint = (text: string) => string;

/**
 * The colours the human formatters paint with. A chalk instance
 * (`new Chalk({ level })`) is one; the type is spelled out here so that the
 * library's declarations need neither chalk's types nor, through them, Node's.
 */
export interface Palette {
  /** Colour support: 0 none, 1 the 16 basic colours, 2 256 colours, 3 truecolor (chalk's levels). */
  readonly level: 0 | 1 | 2 | 3;
  readonly bold: Paint;
  readonly green: Paint;
  readonly red: Paint;
  readonly yellow: Paint;
  readonly gray: Paint;
  readonly strikethrough: Paint;
  /** Cyan, and cyan underlined for the actor mentions `--explain` marks. */
  readonly cyan: Paint & { readonly underline: Paint };
}

/** What the human formatters need besides the result. */
export interface FormatOptions {
  /** Colours to use; colourless when absent. The caller decides the level (see cli/color.ts). */
  chalk?: Palette;
}

const unchanged: Paint = (text) => text;

/**
 * No colours: each style gives its text back, as chalk's do at level 0. Made
 * here so that a colourless run (a pipe, a file, NO_COLOR) need not load chalk.
 */
export const plain: Palette = {
  level: 0,
  bold: unchanged,
  green: unchanged,
  red: unchanged,
  yellow: unchanged,
  gray: unchanged,
  strikethrough: unchanged,
  cyan: Object.assign((text: string) => text, { underline: unchanged }),
};

export const colours = (options: FormatOptions): Palette => options.chalk ?? plain;
