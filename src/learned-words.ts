/**
 * The words wink-nlp learns, hidden between documents and shown again
 * cheaply. wink adds every word it has not seen to its word table, and its
 * tokenizer then reads that word differently ("Kim's" stays one token once
 * "kim's" is known), so every document must be read with only the model's own
 * words known, as by a freshly started process.
 *
 * A hidden word leaves wink's index of words but keeps its row. When a later
 * document meets it again with the same token category, its row is shown
 * again instead of being learned anew: a row's features depend only on its
 * text, its category and whether its lower-case form is one of the model's
 * own words (never on other learned words), so the shown row reads exactly
 * as a new one would. Otherwise (another category, or a lower-case form that
 * was learned anew since) wink learns the word as it would have.
 */

/** wink's table of words: each word's index in `list`, and `hash` from word to index. */
export interface WordTable {
  hash: Record<string, number>;
  list: string[];
}

/** The part of wink's cache whose `add` is replaced: the tokenizer calls it for every word not in `hash`. */
export interface WinkCache {
  add(text: string, category: number): number;
}

export class LearnedWords {
  /** Hidden words: each one's row. A word is in `hash` or here, never both. */
  private readonly hidden = new Map<string, number>();
  /** Per learned row (index - known): the token category it was learned with. */
  private readonly category: number[] = [];
  /** Per learned row (index - known): the row of its lower-case form when it was learned. */
  private readonly lowerRow: number[] = [];
  /** Rows shown again in the current document. */
  private shown: number[] = [];
  /** First row learned in the current document. */
  private since: number;

  constructor(
    private readonly words: WordTable,
    /** Rows when the engine was made: the model's own words. */
    private readonly known: number,
  ) {
    this.since = known;
  }

  /** Rows learned since the engine was made (hidden or not). */
  get count(): number {
    return this.words.list.length - this.known;
  }

  /** Rows in the table: the model's own words and every one learned since. */
  get rows(): number {
    return this.words.list.length;
  }

  /** Hides every word the last document learned or showed again. */
  nextDocument(): void {
    for (const row of this.shown) this.hide(row);
    for (let row = this.since; row < this.words.list.length; row++) this.hide(row);
    this.shown = [];
    this.since = this.words.list.length;
  }

  /** Puts itself in front of `cache.add`, the only way wink learns a word. */
  install(cache: WinkCache): void {
    const learn = cache.add;
    cache.add = (text, category) => this.add(text, category, learn);
  }

  private hide(row: number): void {
    const word = this.words.list[row]!;
    if (this.words.hash[word] !== row) return;
    delete this.words.hash[word];
    this.hidden.set(word, row);
  }

  private show(row: number): void {
    const word = this.words.list[row]!;
    this.words.hash[word] = row;
    this.hidden.delete(word);
    this.shown.push(row);
  }

  private add(text: string, category: number, learn: WinkCache['add']): number {
    const lower = text.toLowerCase();
    const row = this.hidden.get(text);
    if (row !== undefined && this.showWithLower(row, lower, category)) return row;
    this.hidden.delete(text);
    if (lower !== text) this.showOrForget(lower, category);
    const before = this.words.list.length;
    const index = learn(text, category);
    for (let k = before; k < this.words.list.length; k++) {
      this.category[k - this.known] = category;
      this.lowerRow[k - this.known] = this.words.hash[lower]!;
    }
    return index;
  }

  /** Shows `row` (and its lower-case form's row if hidden) when wink would learn them as they are. */
  private showWithLower(row: number, lower: string, category: number): boolean {
    if (this.category[row - this.known] !== category) return false;
    const lowerRow = this.lowerRow[row - this.known]!;
    if (lowerRow !== row) {
      const visible = this.words.hash[lower];
      if (visible === undefined && this.hidden.get(lower) === lowerRow && this.category[lowerRow - this.known] === category) this.show(lowerRow);
      else if (visible !== lowerRow) return false;
    }
    this.show(row);
    return true;
  }

  /** A hidden lower-case form is shown again if learned with `category`, else forgotten (wink learns it anew). */
  private showOrForget(lower: string, category: number): void {
    const row = this.hidden.get(lower);
    if (row === undefined) return;
    if (this.category[row - this.known] === category) this.show(row);
    else this.hidden.delete(lower);
  }
}
