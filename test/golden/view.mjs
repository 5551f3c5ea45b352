/**
 * The part of a result that golden files pin: what the analysis decided,
 * sentence by sentence, without the tool version or the input's digest.
 */
export function goldenView(result) {
  return {
    meta: result.meta,
    sender: result.sender,
    paragraphs: result.paragraphs.map((p) => `${p.index} ${p.role} ${p.start}-${p.end}`),
    sentences: result.sentences.map((s) => ({
      at: `${s.index} p${s.paragraph} ${s.start}-${s.end}`,
      tone: s.tone,
      to: s.messageTo,
      mentions: s.mentions.map((m) => `${m.surface}=${m.actor}/${m.form}@${m.start}`),
      stances: s.stances,
      cues: s.cues.map((c) => `${c.text}${c.negated ? '(not)' : ''}=${c.polarity}:${c.weight}`),
    })),
    actors: result.actors.map((a) => ({ id: a.id, mentions: a.mentions, tally: a.tally, posture: a.posture, postureConfidence: a.postureConfidence, message: a.message && { sentences: a.message.sentences, summary: a.message.summary.map((s) => s.sentence), verdict: a.message.verdict, postureConfidence: a.message.postureConfidence } })),
    dyads: result.dyads,
    others: result.others,
    warnings: result.warnings,
  };
}
