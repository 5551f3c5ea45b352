/**
 * Words that tell what part an actor plays in its clause: the preposition
 * before it, the verbs that report speech, the words that make a clause
 * hypothetical. General English, not taken from any article.
 */
import type { PosTag } from './pos.js';

/** "a summit in Hanoi": the actor is only where something happens. */
export const PLACE_PREPOSITIONS: string[] = ['in', 'at', 'outside', 'inside', 'near', 'across', 'throughout', 'around', 'within', 'beyond'];

/** Nouns that make a demonym before them a place: "the Japanese coast", "Chinese territory", "Russian soil". */
export const PLACE_NOUNS: string[] = [
  'coast', 'coasts', 'coastline', 'shore', 'shores', 'soil', 'territory', 'territories', 'waters', 'airspace', 'border',
  'borders', 'frontier', 'port', 'ports', 'island', 'islands', 'city', 'cities', 'capital', 'mainland', 'peninsula', 'side',
];

/** Prepositions besides PLACE_PREPOSITIONS that make a demonym before a place noun a place: "washed up on the Japanese coast". */
export const PLACE_NOUN_PREPOSITIONS: string[] = ['on', 'to'];

/** "talks about North Korea": the actor is what others discuss. */
export const TOPIC_PREPOSITIONS: string[] = ['about', 'over', 'regarding', 'concerning', 'on', 're'];

/** "sanctions against Pyongyang", "ties with Seoul": the actor is acted on, or is the partner. */
export const TARGET_PREPOSITIONS: string[] = ['to', 'against', 'with', 'toward', 'towards', 'at', 'on', 'upon', 'into', 'for', 'between', 'among', 'vis-à-vis'];

/** Nouns before "from" that make the actor after it where the act comes from, its agent: "a letter from the Kremlin", "pressure from Washington". */
export const SOURCE_NOUNS_BEFORE_FROM: string[] = [
  'letter', 'letters', 'message', 'messages', 'note', 'notes', 'statement', 'statements', 'reply', 'replies', 'response', 'responses',
  'signal', 'signals', 'call', 'calls', 'offer', 'offers', 'invitation', 'invitations', 'request', 'requests', 'assurance', 'assurances',
  'warning', 'warnings', 'threat', 'threats', 'pressure', 'protest', 'protests', 'criticism', 'condemnation', 'complaint', 'complaints',
  'objection', 'objections', 'recognition', 'support', 'aid', 'help', 'envoy', 'envoys', 'delegation', 'delegations',
  'proposal', 'proposals', 'pledge', 'pledges', 'promise', 'promises', 'visit', 'visits', 'backing', 'endorsement', 'praise', 'fire',
  'attack', 'attacks', 'provocation', 'provocations', 'interference', 'retaliation',
];

/**
 * Verbs whose passive before "to" + a verb keeps its subject the one acted on: "Seoul was asked to
 * pay", "Japan was urged to apologise". Any other "is VERB-ed to VERB" reads as the subject's own
 * act: "Kim is expected to travel", "Beijing is poised to announce", "Seoul is committed to improving".
 */
export const PASSIVE_BEFORE_TO: string[] = [
  'ask', 'urge', 'invite', 'tell', 'force', 'order', 'press', 'pressure', 'push', 'require', 'oblige', 'compel', 'persuade',
  'allow', 'permit', 'forbid', 'advise', 'encourage', 'warn', 'instruct', 'authorize', 'authorise', 'summon', 'send', 'pay',
  'appoint', 'elect', 'choose', 'select', 'hire', 'call', 'lead', 'make',
];

/** Verbs that take a clause whose subject may open right after them: "said Japan and South Korea would", "believe Russian hackers repeatedly targeted". */
export const CLAUSE_VERBS: string[] = [
  'say', 'believe', 'think', 'hope', 'expect', 'fear', 'suspect', 'know', 'claim', 'insist', 'argue', 'suggest', 'assume',
  'predict', 'report', 'announce', 'acknowledge', 'conclude', 'feel', 'worry', 'reckon', 'add', 'note', 'stress', 'hint', 'estimate',
];

/** Nouns after "on" that make the actor a topic rather than a target ("talks on North Korea's programme"). */
export const TOPIC_NOUNS_BEFORE_ON: string[] = ['talks', 'discussions', 'consultations', 'views', 'report', 'reports', 'briefing', 'debate', 'policy', 'stance', 'position', 'comment', 'comments', 'remarks', 'statement', 'questions', 'question'];

/** Verbs that introduce reported speech: their subject speaks, what follows is what was said. */
export const SPEECH_VERBS: string[] = [
  'say', 'tell', 'state', 'declare', 'announce', 'claim', 'insist', 'argue', 'note', 'add', 'stress', 'warn', 'urge',
  'accuse', 'assert', 'maintain', 'suggest', 'write', 'report', 'acknowledge', 'admit', 'deny', 'reply', 'respond',
  'remark', 'explain', 'emphasize', 'emphasise', 'complain', 'allege', 'contend', 'predict', 'signal', 'hint',
  'vow', 'pledge', 'promise', 'demand', 'call', 'describe', 'label', 'brand', 'praise', 'criticize', 'criticise',
];

/** Words that make what follows hypothetical or conditional. */
export const CONDITIONAL_WORDS: string[] = ['if', 'unless', 'whether', 'should', 'would', 'could', 'might', 'may', 'were'];

/** Words that negate what they stand before. */
export const NEGATION_WORDS: string[] = ['not', "n't", 'no', 'never', 'neither', 'nor', 'without', 'none', 'nothing', 'nobody', 'hardly', 'barely', 'longer'];

/** Parts of speech whose lemmas are read as the words of a clause. */
export const CONTENT_POS: PosTag[] = ['NOUN', 'VERB', 'ADJ', 'ADV'];

/** Parts of speech a noun phrase runs through before its own verb: "hope the Russian government will allow". */
export const NOUN_PHRASE_POS: PosTag[] = ['NOUN', 'PROPN', 'ADJ', 'NUM', 'PART'];

/** Parts of speech of the noun phrase a name after "of" belongs to: "the government of Japan", "one of". */
export const HEAD_PHRASE_POS: PosTag[] = ['NOUN', 'PROPN', 'ADJ', 'NUM', 'DET', 'PRON'];

/** A verb's particles: after a word wink tags as a noun, they show it is the verb ("shot down"). */
export const VERB_PARTICLE_WORDS: string[] = ['down', 'up', 'off', 'out', 'back'];

/** Verbs after which "by" leads to whom they keep to, not to a doer: "stood by Seoul". */
export const VERBS_BY_TARGET: string[] = ['stand', 'abide', 'stick', 'swear', 'live', 'go', 'pass', 'drop', 'come'];

/** Pronouns that stand where an article does: "halts its tests". */
export const OWNER_PRONOUN_WORDS: string[] = ['its', 'their', 'his', 'her', 'our', 'my', 'your'];

/** Words besides conjunctions after which a clause, with a subject of its own, may open: "a freeze in which North Korea halts". */
export const CLAUSE_SUBJECT_OPENERS: string[] = ['which', 'who', 'whom', 'where', 'when', 'whether', 'if', 'because', 'since', 'while', 'although', 'though', 'whereas', 'unless', 'until', 'once'];

/** Auxiliary lemmas that make a past participle passive: "was rebuffed by", "got rebuffed". */
export const PASSIVE_AUXILIARIES: string[] = ['be', 'get'];

/** Quotation marks, counted before a mention to tell whether it stands inside a quotation. */
export const QUOTE_MARKS: string[] = ['"', '“', '”', '«', '»'];

/** What follows a possessive mention: "Moscow's opening". */
export const POSSESSIVE_ENDINGS: string[] = ["'s", '’s'];
