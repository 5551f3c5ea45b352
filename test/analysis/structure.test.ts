/**
 * The structure stage: the part each actor mention plays in its clause
 * (agent, target, place, topic, of, noverb). Each sentence is invented; each
 * shape is general English.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';

/** The roles the structure stage gives each mention of the article's last sentence, as "surface=role". */
function roles(body: string): string[] {
  const text = `A Title\n\n${body}`;
  const last = analyze(text).sentences.at(-1)!.index;
  let found: string[] = [];
  analyze(text, { onStructure: (sentence, readings) => sentence === last && (found = readings.map((r) => `${r.mention.surface}=${r.role}`)) });
  return found;
}

describe('structure: roles in the clause', () => {
  it('reads subjects as agents and objects as targets, in the active and the passive', () => {
    expect(roles('Seoul protested to Tokyo.')).toEqual(['Seoul=agent', 'Tokyo=target']);
    expect(roles('The plan was rejected by Beijing.')).toEqual(['Beijing=agent']);
    expect(roles('Japan was invited to the talks by China.')).toEqual(['Japan=target', 'China=agent']);
    expect(roles('Seoul was asked to pay more.')).toEqual(['Seoul=target']);
  });

  it('reads the subject of "is expected to", "is poised to" + a verb as the agent of what follows, and "was asked to" as passive', () => {
    expect(roles('Beijing is expected to announce new curbs on Japan.')).toEqual(['Beijing=agent', 'Japan=target']);
    expect(roles('Beijing is poised to formally announce new curbs.')).toEqual(['Beijing=agent']);
    expect(roles('Seoul is committed to improving ties with Tokyo.')).toEqual(['Seoul=agent', 'Tokyo=target']);
    expect(roles('Japan was known to the Chinese public.')).toEqual(['Japan=target', 'Chinese=target']);
  });

  it('reads a subject before a relative clause or an aside as the subject of the verb after it (after an aside, in its voice)', () => {
    expect(roles('China, whose ties with India have soured, sent a relief team.')).toEqual(['China=agent']);
    expect(roles('Japan, while backing the plan in principle, insisted on changes.')).toEqual(['Japan=agent']);
    expect(roles('Japan, while backing the plan in principle, was rebuffed by Washington.')).toEqual(['Japan=target', 'Washington=agent']);
  });

  it('reads the subject of a new clause after "and" or a comma past an adverb, and coordinated demonyms', () => {
    expect(roles('Trade grew quickly last year, and a Russian company now runs the port.')).toEqual(['Russian=agent']);
    expect(roles('Tokyo expelled Russian diplomats, and Moscow quickly retaliated.')).toEqual(['Tokyo=agent', 'Russian=target', 'Moscow=agent']);
    expect(roles('The dramas are popular, and South Korean and Japanese fans are still watching them.')).toEqual(['South Korean=agent', 'Japanese=agent']);
    expect(roles('Tokyo expelled Russian diplomats, Moscow quickly retaliated.')).toEqual(['Tokyo=agent', 'Russian=target', 'Moscow=agent']);
  });

  it('reads the subjects of a clause after "said" or "believe" as agents, along a list and past an adverb', () => {
    expect(roles('Officials said Japan, South Korea and the United States would hold talks.')).toEqual(['Japan=agent', 'South Korea=agent', 'United States=agent']);
    expect(roles('Officials said Chinese and Russian firms were investing.')).toEqual(['Chinese=agent', 'Russian=agent']);
    expect(roles('Analysts believe Russian hackers repeatedly targeted the election.')).toEqual(['Russian=agent']);
  });

  it('gives a later name in a list the part the preposition before its first name gives', () => {
    expect(roles('The plan was rejected by Beijing and Moscow.')).toEqual(['Beijing=agent', 'Moscow=agent']);
    expect(roles('The statement was read closely in Seoul, Tokyo and Moscow.')).toEqual(['Seoul=place', 'Tokyo=place', 'Moscow=place']);
    expect(roles('After talks with Washington and Tokyo, Seoul announced a new plan.')).toEqual(['Washington=target', 'Tokyo=target', 'Seoul=agent']);
  });

  it('keeps an object an object before "and" or "but" and another clause, or before an adverb and a participle', () => {
    expect(roles('Seoul criticised Tokyo but Beijing stayed silent.')).toEqual(['Seoul=agent', 'Tokyo=target', 'Beijing=agent']);
    expect(roles('Washington sanctioned Moscow and Beijing condemned the move.')).toEqual(['Washington=agent', 'Moscow=target', 'Beijing=agent']);
    expect(roles('Japan criticised Chinese ships recently seen near the islands.')).toEqual(['Japan=agent', 'Chinese=target']);
  });

  it('reads where a message or pressure comes from as its agent, and other uses of "from" as before', () => {
    expect(roles('The envoy carried a letter from the Kremlin to the summit.')).toEqual(['Kremlin=agent']);
    expect(roles('Seoul received a proposal from Tokyo.')).toEqual(['Seoul=agent', 'Tokyo=agent']);
    expect(roles('Seoul demanded an apology from Tokyo.')).toEqual(['Seoul=agent', 'Tokyo=target']);
  });

  it('keeps a fronted time phrase out of a list: the subject after it is an agent', () => {
    expect(roles('On Tuesday, China again warned the United States.')).toEqual(['China=agent', 'United States=target']);
    expect(roles('On Monday, Japan, South Korea and the United States issued a joint statement.')).toEqual(['Japan=agent', 'South Korea=agent', 'United States=agent']);
  });

  it('reads the subject of a clause after "that", "which" or "and" as its agent, past a possessive, a modifier, quotation marks or an aside', () => {
    expect(roles('Officials assured the envoy that Moscow\'s backing for the plan is firm.')).toEqual(['Moscow=agent']);
    expect(roles('A diplomat told reporters that Tokyo "had taken note" of the move.')).toEqual(['Tokyo=agent']);
    expect(roles('Aides worried that Seoul, with Beijing as its main market, would hesitate.')).toEqual(['Seoul=agent', 'Beijing=target']);
    expect(roles('The plan offers a pause in which Pyongyang halts its tests.')).toEqual(['Pyongyang=agent']);
    expect(roles('Exports are falling, and Japanese officials fear a slump.')).toEqual(['Japanese=agent']);
  });

  it('reads the subject of a passive of its own as acted on, and "by" after a participle or a noun as the doer', () => {
    expect(roles('An official said Washington had not been consulted.')).toEqual(['Washington=target']);
    expect(roles('The ministry said Seoul is being told very little.')).toEqual(['Seoul=target']);
    expect(roles('Tokyo insists that the fate of citizens abducted by North Korean agents be settled.')).toEqual(['Tokyo=agent', 'North Korean=agent']);
    expect(roles('The speech offered the clearest apology yet by a Japanese premier.')).toEqual(['Japanese=agent']);
    expect(roles('The ministry said Seoul stood by Washington.')).toEqual(['Seoul=agent', 'Washington=target']);
  });

  it('reads a subject as an agent where wink tags its verb a noun, and a subject of two nouns before a relative clause', () => {
    expect(roles('The Soviet Union shot down an airliner.')).toEqual(['Soviet Union=agent']);
    expect(roles('Abe and his allies, who once backed the plan, are now silent.')).toEqual(['Abe=agent']);
    expect(roles('Chinese ships in the strait')).toEqual(['Chinese=noverb']);
  });

  it('gives a name after "of" the part of the phrase it belongs to', () => {
    expect(roles('The government of Japan protested.')).toEqual(['Japan=agent']);
    expect(roles('Seoul rejected most of Tokyo\'s demands.')).toEqual(['Seoul=agent', 'Tokyo=target']);
    expect(roles('The talks were held in the capital of South Korea.')).toEqual(['South Korea=place']);
  });

  it('reads a place as a place and the host of a visit as a party (ANALYSIS.md §3)', () => {
    expect(roles('The summit was held in Hanoi, and delegates from Seoul met in Tokyo.')).toContain('Tokyo=place');
    expect(roles('The premier will pay a state visit to Beijing.')).toEqual(['Beijing=target']);
  });
});
