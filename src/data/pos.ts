/**
 * Parts of speech: the tags wink-nlp's English model gives each token (the
 * Universal Dependencies tag set, plus SPACE for whitespace and UNK for a
 * token it could not tag). Rules and tables compare `Token.pos` with these,
 * so a misspelt tag is a type error.
 */

/** Every tag the model can give (its `pos` feature list, in its own order). */
export const POS_TAGS = [
  'UNK', 'ADJ', 'ADP', 'ADV', 'AUX', 'CCONJ', 'DET', 'INTJ', 'NOUN', 'NUM', 'PART', 'PRON', 'PROPN', 'PUNCT', 'SPACE',
  'SYM', 'VERB', 'X', 'SCONJ',
] as const;

/** One of those tags. */
export type PosTag = (typeof POS_TAGS)[number];
