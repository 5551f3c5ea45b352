/**
 * Message cue phrases. In each, SENDER or RECEIVER stands for a mention of an
 * actor; the rest is matched as lower-case words, case-insensitively.
 */

/** "Moscow is sending messages to ...", "Beijing's message to Seoul ...". */
export const SENDER_CUES: string[] = [
  'SENDER is sending messages', 'SENDER is sending a message', 'SENDER is sending signals', 'SENDER is signalling',
  'SENDER is signaling', 'SENDER sends', 'SENDER sent', 'SENDER signals', 'SENDER signalled', 'SENDER signaled',
  "SENDER's message", "SENDER's messages", "SENDER's signal", 'the message from SENDER', 'SENDER is telling',
  'SENDER tells', 'SENDER told', 'SENDER warns', 'SENDER warned', 'SENDER expects', 'SENDER reminds',
  'SENDER is reminding', 'SENDER wants', 'SENDER is warning', 'SENDER has warned', 'SENDER has told',
  'SENDER has been sending', 'SENDER has sent', 'SENDER was sending',
];

/** Adverbs a cue may carry without changing it: "Tokyo is also sending messages". */
export const CUE_ADVERBS: string[] = [
  'also', 'now', 'clearly', 'already', 'still', 'again', 'quietly', 'openly', 'effectively', 'increasingly',
  'evidently', 'once', 'thus',
];

/** Where a message section for RECEIVER starts. */
export const RECEIVER_CUES: string[] = [
  'message to RECEIVER', 'messages to RECEIVER', 'message for RECEIVER', 'signal to RECEIVER', 'signals to RECEIVER',
  'To RECEIVER,', 'As for RECEIVER', 'For RECEIVER,', 'RECEIVER is told', 'RECEIVER is being told', 'RECEIVER hears',
  'RECEIVER is warned', 'RECEIVER gets the message', 'RECEIVER receives',
];
