/**
 * The two sides every throughput figure compares, defined once: bare
 * wink-nlp (its default pipeline, readDoc, sentences and sentiment) and
 * nkmsg's full analyze(). Each folds its result into a sink so that no work
 * can be optimised away.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

export function makeSides(analyze) {
  const nlp = winkNLP(model);
  const its = nlp.its;
  let sink = 0;
  return {
    nlp,
    its,
    bare(text) {
      const doc = nlp.readDoc(text);
      sink += doc.sentences().out().length;
      sink += doc.out(its.sentiment);
    },
    ours(text) {
      sink += analyze(text).sentences.length;
    },
    sink: () => sink,
  };
}
