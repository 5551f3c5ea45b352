/**
 * Message cue phrases. In each, SENDER or RECEIVER stands for a mention of an
 * actor; the rest is matched as lower-case words, case-insensitively.
 */

/** "Moscow is sending messages to ...", "Beijing's message to Seoul ...": the article is about these signals. */
export const SENDER_CUES: string[] = [
  'SENDER is sending messages', 'SENDER is sending a message', 'SENDER is sending signals', 'SENDER is signalling',
  'SENDER is signaling', 'SENDER sends a message', 'SENDER sends messages', 'SENDER sent a message', 'SENDER sent messages',
  'SENDER sends a signal', 'SENDER sent a signal', 'SENDER signals', 'SENDER signalled', 'SENDER signaled',
  "SENDER's message", "SENDER's messages", "SENDER's signal", 'the message from SENDER',
  'SENDER has been sending', 'SENDER was sending',
];

/** Verbs of telling and warning: a sender's habits, but weaker evidence than a message cue ("Japan sent two destroyers"). */
export const WEAK_SENDER_CUES: string[] = [
  'SENDER sends', 'SENDER sent', 'SENDER has sent', 'SENDER is telling', 'SENDER tells', 'SENDER told', 'SENDER has told',
  'SENDER warns', 'SENDER warned', 'SENDER has warned', 'SENDER is warning', 'SENDER expects', 'SENDER wants',
  'SENDER reminds', 'SENDER is reminding',
];

/** Adverbs a cue may carry without changing it: "Tokyo is also sending messages". */
export const CUE_ADVERBS: string[] = [
  'also', 'now', 'clearly', 'already', 'still', 'again', 'quietly', 'openly', 'effectively', 'increasingly',
  'evidently', 'once', 'thus',
];

/** Words of a cue too common to tell a sentence that may hold it: the quick test looks for the cue's longest other word. */
export const CUE_GRAMMAR_WORDS: string[] = ['is', 'are', 'was', 'has', 'have', 'been', 'being', 'the', 'a', 'to', 'for', 'of'];

/** Where a message section for RECEIVER starts. */
export const RECEIVER_CUES: string[] = [
  'message to RECEIVER', 'messages to RECEIVER', 'message for RECEIVER', 'signal to RECEIVER', 'signals to RECEIVER',
  'To RECEIVER,', 'As for RECEIVER', 'For RECEIVER,', 'RECEIVER is told', 'RECEIVER is being told',
  'RECEIVER is warned', 'RECEIVER gets the message', 'message, to RECEIVER', 'addressed to RECEIVER',
  'addressee was RECEIVER', 'addressee is RECEIVER', 'Start with RECEIVER', 'listener is RECEIVER', 'audience is RECEIVER',
  'audience was RECEIVER', 'Toward RECEIVER', 'Towards RECEIVER', 'To RECEIVER:', 'For RECEIVER the message', 'For RECEIVER itself,',
  'To RECEIVER itself,',
];

/** These start a section only in a sentence about a message or signal ("Pyongyang hears a mixed message", not "Seoul receives aid"). */
export const RECEIVER_CUES_WITH_MESSAGE: string[] = [
  'RECEIVER hears', 'RECEIVER receives', 'RECEIVER gets', 'went to RECEIVER', 'goes to RECEIVER', 'is for RECEIVER',
  'was for RECEIVER', 'aimed at RECEIVER', 'directed at RECEIVER', 'intended for RECEIVER', 'meant for RECEIVER',
  'is to RECEIVER', 'was to RECEIVER', 'RECEIVER received', 'gone to RECEIVER', 'sends to RECEIVER', 'sent to RECEIVER',
  'reserved for RECEIVER', 'meant to reach RECEIVER',
];

/**
 * Before a mention (from the sentence's start, in lower case), what names it
 * as a message's audience: "The first audience is obviously Tokyo", "its
 * addressee was in Washington", "The second is Seoul" (in a run of them), "The first reader was
 * meant to be Tokyo", "The third reader, Seoul, ...", "There is a second reader in Washington",
 * "And then there is Moscow" (in a run of them).
 */
export const AUDIENCE_BEFORE =
  /(?:\b(?:audiences?|addressees?|readers?|listeners?|recipients?|address)\b[^.;:!?]{0,40}?|^(?:the )?(?:first|second|third|fourth|fifth|next|last) )\b(?:is|was|are|were|sits|sat|may be|may have been|has (?:always |long )?been|will be|be)\s+(?:\p{Ll}+ly\s+)?(?:in\s+|at\s+)?(?:the\s+)?$|^(?:the )?(?:first|second|third|fourth|fifth|next|last|final|other) (?:audience|addressee|reader|listener|recipient), (?:the\s+)?$|^(?:and )?(?:then )?there (?:is|was) (?:a|an|one) (?:[\p{L}-]+ )?(?:audience|addressee|reader|listener|recipient),? (?:in |at )?(?:the\s+)?$|^(?:and )?then there (?:is|was) (?:the\s+)?$/u;

/** The same, said of a message as the one meant for the mention: "The message that mattered most was the one received in Washington". */
export const MESSAGE_FOR_BEFORE =
  /^(?:the|its|this|that)\s+(?:[\p{L}-]+\s+){0,3}messages?\b[^.;:!?]{0,60}?\b(?:is|was|are|were)\s+the\s+ones?\s+(?:[\p{L}-]+\s+){0,3}(?:for|in|to|at)\s+(?:the\s+)?$/u;

/** After a mention, what names it as a message's audience: "Tokyo is the third reader", "Beijing is its first addressee". */
export const AUDIENCE_AFTER = /^\s+(?:is|was|has (?:always |long )?been|will be)\s+(?:the|its|their)\s+(?:[\p{L}-]+\s+){0,3}(?:audience|addressee|reader|listener|recipient)\b/u;

/** Before a mention, a message named with its sender and then its receiver: "The message from Beijing to Washington is ...". */
export const MESSAGE_FROM_TO_BEFORE = /\bmessages?\s+(?:[\p{L}-]+\s+){0,2}from\s+(?:the\s+)?[\p{L}'’. -]{2,30}?\s+to\s+(?:the\s+)?$/u;

/** A quick test for a sentence that may name an audience: one of AUDIENCE_BEFORE's or MESSAGE_FOR_BEFORE's words. */
export const MAY_NAME_AUDIENCE = /\b(?:audience|addressee|reader|listener|recipient|address|first|second|third|fourth|fifth|next|last|message|then there)/i;

/**
 * Just before a receiver cue, what keeps it from naming the section's
 * receiver: a negation ("not all addressed to Seoul") or a call to send one,
 * a message judged rather than read ("must send a strong and unified message
 * to ...", "would send the wrong signal to ...").
 */
export const CUE_UNDONE_BEFORE = /\b(?:not (?:all |only |just |even )?|send(?:s|ing)? (?:a|an|the) (?:[a-z]+,? (?:and )?){1,3})$/;

/**
 * Just before a mention, the people who stand for it in a receiver cue, read past as "the" is:
 * "To the rulers in Islamabad, ...", "The message to the leaders in Beijing" and "To our friends in Tokyo, ..." name
 * Islamabad, Beijing and Tokyo.
 */
export const RECEIVER_PEOPLE_BEFORE = /\b(?:the|our) (?:\p{Ll}+ )?(?:leaders?|leadership|rulers?|government|regime|authorities|officials|policymakers|people|comrades|friends|partners|allies|colleagues) (?:in|of) $/u;

/** Between two receivers of one message, each given "to": "a message to Washington, to Tokyo and, less obviously, to ...". */
export const ADDRESSEE_LIST = /^\s*,?\s*(?:and\s+)?to\s+(?:the\s+)?$/;

/** A sentence about a message or signal, where RECEIVER_CUES_WITH_MESSAGE count. */
export const ABOUT_A_MESSAGE = /\b(?:messages?|signals?)\b/i;

/** Just before a mention, what makes it the addressee of a message, named rather than judged: "sending messages to Seoul, ...". */
export const ADDRESSEE = /\b(?:messages?|signals?)\s+(?:to|for)\s+$/i;

/** A quick test for a sentence's text that may name an addressee: any form of "message" or "signal". */
export const MAY_ADDRESS = /messag|signal/i;

/**
 * Words that show an article is about signalling at all. A report with none
 * of them that mostly relays what others said (see REPORTING) has no sender.
 */
export const SIGNAL_WORDS: string[] = ['message', 'messages', 'signal', 'signals', 'signalled', 'signaled', 'signalling', 'signaling', 'signaler', 'signaller'];

/** Verbs and phrases that relay someone's words: a wire report's habit. */
export const REPORTING: string[] = ['said', 'says', 'told', 'according to', 'added', 'stated'];

/** Share of body sentences that relay words, at or above which a report without signal words has no sender (fitted on the corpus train split). */
export const RELAYED_SHARE = 0.1;

/** A question line of a briefing transcript: "Q: ...", "Question: ...", "Q (Sato, Nikkei): ...", "Reporter: ...". */
export const QUESTION_LINE = /^(?:(?:Q|Question|QUESTION)\s*\d*\s*(?:\([^()\n]{1,60}\)\s*)?[:.]|(?:Reporter|Journalist)\s*(?:\([^()\n]{1,60}\)\s*)?:)/;

/** A transcript's speaker label opening a paragraph ("Spokesperson: ", "Chief Cabinet Secretary: ", "A: "): not part of the sentence's grammar. */
export const SPEAKER_LABEL = /^(?:[\p{Lu}][\p{L}'’.-]*)(?: [\p{Lu}][\p{L}'’.-]*){0,4}:\s+/u;

/**
 * What may open a paragraph's first sentence before its subject: connectives
 * and sequence words ("Yet", "First,", "But today").
 */
export const PARAGRAPH_LEAD =
  /^(?:(?:Yet|But|And|So|Still|Now|Today|Yesterday|Meanwhile|Even|Then|First|Second|Third|Fourth|Finally|Again|Instead|Moreover|However)\b,?\s+)+/;

/** Before a paragraph's first actor, what makes it the place a reaction comes from: "In Washington, officials said ...". */
export const PLACE_LEAD = /^(?:In|From)\s+$/;

/** Before a paragraph's first actor, a subject of people placed there: "Some in Washington ...", "Certain forces in Japan ...". */
export const PEOPLE_IN = /^(?:Some|Certain|Many|Few|Most|Only|Even)(?:\s+\p{Ll}+){0,2}\s+in\s+(?:the\s+)?$/u;

/** Words of the title or byline that say the piece is an opinion, in the outlet's own voice. */
export const OPINION_WORDS = /\b(?:editorial|commentary|opinion|op-ed|comment|view|column|perspective)\b/i;

/** Words of the title or byline that say the piece is a state's briefing or statement. */
export const BRIEFING_WORDS = /\b(?:briefing|press conference|spokesperson|spokesman|spokeswoman|transcript|statement|remarks)\b/i;

/** First-person plural: a piece that speaks as "we". */
export const FIRST_PERSON = /\b(?:we|our|us)\b/i;

/**
 * Fewest words (title, deck and body) for the learned sender chooser to decide: the corpus it was
 * fitted on has no article under 125 words, so a shorter text is left to the hand-ordered methods.
 */
export const CHOOSER_MIN_WORDS = 100;

/**
 * Outlets that speak for their state without being its mentions (ANALYSIS.md §2: "Global Times" is a
 * publisher, not a mention of Beijing): as publisher, the state's voice, like its state media.
 * Listed: outlets the state owns and whose editorial line it sets (state agencies, government and
 * party papers, state broadcasters abroad), by general reference knowledge. Public broadcasters
 * with editorial independence (NHK, KBS, the BBC) and independent agencies (Yonhap, Kyodo, Reuters)
 * are not a state's voice. Keys are actor ids; the entries for actors outside the default six
 * apply where an actor file uses that id.
 */
export const STATE_OUTLETS: Record<string, string[]> = {
  beijing: ['Global Times', 'China Daily', 'CGTN', 'China Radio International', 'China News Service', 'Qiushi'],
  moscow: ['ITAR-TASS', 'Sputnik', 'RT', 'Russia Today', 'Rossiyskaya Gazeta', 'Voice of Russia', 'Radio Moscow', 'Novosti Press Agency'],
  pyongyang: ['Pyongyang Times', 'Voice of Korea', 'Korean Central Television', 'Uriminzokkiri', 'Minju Joson'],
  tehran: ['IRNA', 'Islamic Republic News Agency', 'Press TV', 'IRIB'],
  hanoi: ['Nhan Dan', 'Vietnam News Agency', 'VNA', 'Quan Doi Nhan Dan'],
  ankara: ['Anadolu Agency', 'TRT'],
  cairo: ['MENA', 'Middle East News Agency', 'Al-Ahram'],
  riyadh: ['Saudi Press Agency', 'SPA'],
};
