import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analyze.js';
import { fixtures } from './support.js';

const article = [
  'Beijing Speaks to Its Neighbours',
  'Beijing is sending messages to Seoul, Tokyo and Pyongyang.',
  'By Jane Doe, Policy Review, 27 April 2017',
  'Beijing has been busy this spring. Its diplomats travelled widely.',
  'The message to Seoul is warm. Beijing praised the Blue House and offered new trade talks.',
  'To Tokyo, Beijing is colder. It condemned Japan for its patrols. China warned Tokyo again.',
  'Pyongyang hears a mixed message. Beijing supplies aid to the North but warns it against new tests.',
  'This article originally appeared in Policy Review.',
].join('\n\n');

describe('messages', () => {
  const result = analyze(article);
  const section = (id: string): number[] => result.sentences.filter((s) => s.messageTo === id).map((s) => s.index);

  it('finds the sender from the message cues', () => {
    expect(result.sender).toBe('beijing');
  });

  it('starts sections at cues and topic paragraphs, and runs them to the next section or the end of the body', () => {
    const text = (ids: number[]): string[] => ids.map((i) => result.sentences[i]!.text);
    expect(text(section('seoul'))).toEqual(['The message to Seoul is warm.', 'Beijing praised the Blue House and offered new trade talks.']);
    expect(text(section('tokyo'))[0]).toBe('To Tokyo, Beijing is colder.');
    expect(text(section('pyongyang'))).toEqual(['Pyongyang hears a mixed message.', 'Beijing supplies aid to the North but warns it against new tests.']);
    expect(result.sentences.filter((s) => s.messageTo === null).map((s) => s.text)).toContain('Beijing has been busy this spring.');
    expect(result.sentences.at(-1)!.messageTo).toBeNull();
  });

  it('summarises each receiver with sentences of its own section and a verdict', () => {
    const tokyo = result.actors.find((a) => a.id === 'tokyo')!;
    expect(tokyo.message!.summary.map((s) => s.sentence).every((i) => section('tokyo').includes(i))).toBe(true);
    // The verdict counts Tokyo's stances in its own section, with the whole-article tally beside where it differs.
    const inSection = result.sentences.filter((s) => s.messageTo === 'tokyo' && s.mentions.some((m) => m.actor === 'tokyo'));
    const counted = { cooperative: 0, conflictual: 0, neutral: 0 };
    for (const s of inSection) counted[s.stances['tokyo']!]++;
    expect(tokyo.message!.tally).toEqual(counted);
    const whole = `${tokyo.tally.cooperative} cooperative, ${tokyo.tally.conflictual} conflictual, ${tokyo.tally.neutral} neutral`;
    const own = `${counted.cooperative} cooperative, ${counted.conflictual} conflictual, ${counted.neutral} neutral`;
    expect(tokyo.message!.verdict).toBe(
      `Beijing -> Tokyo: ${tokyo.message!.posture} (${own})` + (own === whole ? '' : `; whole article: ${tokyo.posture} (${whole})`),
    );
    expect(tokyo.message!.posture).toBe('hostile');
    expect(result.actors.find((a) => a.id === 'beijing')!.message).toBeNull();
    expect(result.actors.find((a) => a.id === 'moscow')!.message).toBeNull();
  });

  it('quotes summaries verbatim, at most --top of them', () => {
    const one = analyze(article, { top: 1 });
    for (const a of one.actors) {
      expect(a.message?.summary.length ?? 0).toBeLessThanOrEqual(1);
      for (const s of a.message?.summary ?? []) expect(article.slice(s.start, s.end)).toBe(s.text);
    }
  });

  it('takes the sender it is given', () => {
    expect(analyze(article, { sender: 'seoul' }).sender).toBe('seoul');
    expect(() => analyze(article, { sender: 'paris' })).toThrow(/unknown sender "paris"/);
  });

  it('falls back to the most frequent subject when no cue names a sender', () => {
    const plain = analyze('A Title\n\nTokyo protested. Tokyo recalled its envoy from Seoul. Seoul stayed quiet.');
    expect(plain.sender).toBe('tokyo');
    expect(plain.senderEvidence).toMatchObject({ method: 'subjects', sender: 'tokyo' });
  });

  it('names no sender for a report that relays several actors\' words, and forms no sections', () => {
    const report = analyze(
      'Leaders Meet in Seoul\n\nTokyo said it welcomed the talks. Beijing said it was concerned. Washington said it would send an envoy. Seoul hosted the meeting.',
    );
    expect(report.sender).toBeNull();
    expect(report.senderEvidence).toMatchObject({ method: 'relayed', sender: null });
    expect(report.sentences.every((s) => s.messageTo === null)).toBe(true);
    expect(report.actors.every((a) => a.message === null)).toBe(true);
    // A message cue names a sender even in a report full of reported speech.
    const cued = analyze('A Title\n\nTokyo is sending a message to Beijing. Beijing said it was concerned. Seoul said little.');
    expect(cued.sender).toBe('tokyo');
  });

  it('takes state media for their state\'s voice when no cue names another sender', () => {
    const commentary = analyze(
      'Drills Will Bring Only Ruin\n\nA commentary on the war games.\n\nPYONGYANG, August 22, 2023 (KCNA) --\n\nWashington and Tokyo are staging reckless drills. Seoul said it would join them. Tokyo said little.',
    );
    expect(commentary.meta.publisher).toBe('KCNA');
    expect(commentary.senderEvidence).toMatchObject({ method: 'voice', sender: 'pyongyang' });
  });

  it('gives the sender\'s own margin over the others\' votes, negative where the votes put another first', () => {
    const voiced = analyze('Puppets Play With Fire\n\nKCNA | March 3, 2019\n\nSeoul warns of drills. The drills will go on.');
    expect(voiced.senderEvidence).toMatchObject({ method: 'voice', sender: 'pyongyang', votes: [{ actor: 'seoul', votes: 3 }], margin: -3 });
    const cued = analyze('Moscow is sending messages to Tokyo. Tokyo warns of drills.');
    expect(cued.senderEvidence).toMatchObject({ sender: 'moscow', votes: [{ actor: 'moscow', votes: 10.01 }, { actor: 'tokyo', votes: 3.02 }], margin: 6.99 });
  });
  it('lets the learned chooser decide a text of 100 words or more, and says why', () => {
    const briefing = [
      'Regular Press Briefing by the Spokesperson, Ministry of Foreign Affairs of Japan',
      'Tokyo, May 5, 2019',
      'Spokesperson: Good afternoon. Tokyo has lodged a protest over the missile launch, and we will raise it at the Security Council this week. Tokyo regards the launch as a grave threat to the region and to our citizens.',
      'Q: Pyongyang says the launch was a routine exercise. How do you respond?',
      'Spokesperson: We reject that explanation. Pyongyang fired a ballistic missile over our territory without warning, and Tokyo will not accept it. We call on the North to halt all launches.',
      'Q: Washington has asked for restraint from all sides. Do you agree?',
      'Spokesperson: Tokyo and Washington are in close contact, and we share the view that the launches must stop. Tokyo values the alliance and will coordinate every step with its ally.',
    ].join('\n\n');
    const r = analyze(briefing);
    expect(r.sender).toBe('tokyo');
    expect(r.senderEvidence.chooser).toBeDefined();
    expect(r.senderEvidence.confidence).toBe(r.senderEvidence.chooser!.probability);
    expect(r.senderEvidence.chooser!.because.length).toBeGreaterThan(0);
    // Each question opens the section of the first actor it names other than the sender.
    const question = (start: string): number => r.sentences.find((x) => x.text.startsWith(start))!.index;
    expect(r.sentences[question('Q: Pyongyang')]!.messageTo).toBe('pyongyang');
    expect(r.sentences[question('Spokesperson: We reject')]!.messageTo).toBe('pyongyang');
    expect(r.sentences[question('Q: Washington')]!.messageTo).toBe('washington');
  });
  /** A State Department transcript with these exchanges after the spokesperson's opening, read with Washington as sender. */
  const transcript = (...exchanges: string[]) =>
    analyze(
      ['Daily Press Briefing', 'Washington, DC, May 5, 2019', 'SPOKESPERSON: Good afternoon. We have raised the launch with our allies.', ...exchanges].join('\n\n'),
      { sender: 'washington' },
    );
  const sectionAt = (r: ReturnType<typeof analyze>, start: string) => r.sentences.find((s) => s.text.startsWith(start))!.messageTo;
  it('reads a transcript\'s questions in capitals ("QUESTION:") as questions', () => {
    const r = transcript('QUESTION: Is the administration worried that Beijing will block sanctions on Pyongyang?', 'SPOKESPERSON: We do not. The launch violates the resolutions.');
    expect(sectionAt(r, 'QUESTION:')).toBe('beijing');
  });
  it('reads questions that name their asker ("Q (Kyodo):") and a "Reporter:" line as questions', () => {
    const r = transcript(
      'Q (Kyodo): Is the administration worried that Beijing will block sanctions on Pyongyang?',
      'SPOKESPERSON: We do not. The launch violates the resolutions.',
      'Reporter (Yonhap): Seoul wants talks. Will you join them?',
      'SPOKESPERSON: We will consult our ally.',
    );
    expect(sectionAt(r, 'Q (Kyodo):')).toBe('beijing');
    expect(sectionAt(r, 'Reporter (Yonhap):')).toBe('seoul');
  });
  it('takes an outlet that speaks for its state, though it is no mention, for that state\'s voice', () => {
    const editorial = analyze('Seoul Will Regret Its Choice\n\nGlobal Times | Editorial | March 8, 2017\n\nSeoul said the system is defensive. Washington will not pay the price for it. Seoul will.');
    expect(editorial.meta.publisher).toBe('Global Times');
    expect(editorial.senderEvidence).toMatchObject({ method: 'voice', sender: 'beijing' });
  });
  it('knows state outlets abroad and state papers (Sputnik, Rossiyskaya Gazeta), but not an independent agency (Yonhap)', () => {
    const body = 'Berlin said the pipeline is business. Warsaw will not pay for it. Berlin will.';
    for (const outlet of ['Sputnik', 'Rossiyskaya Gazeta']) {
      const piece = analyze(`Berlin Knows Its Interest\n\n${outlet} | Opinion | July 12, 2018\n\n${body}`);
      expect([piece.meta.publisher, piece.senderEvidence.method, piece.sender]).toEqual([outlet, 'voice', 'moscow']);
    }
    const agency = analyze(`Berlin Knows Its Interest\n\nYonhap | July 12, 2018\n\n${body}`);
    expect(agency.senderEvidence.method).not.toBe('voice');
  });
});


describe('the sender of a text that names no actor', () => {
  it('is none, by method none, whatever the text’s length (the chooser decides from 100 words on)', () => {
    for (const times of [2, 30]) {
      const result = analyze('The weather was mild and the markets were calm. '.repeat(times).trim());
      expect([result.sender, result.senderEvidence.method]).toEqual([null, 'none']);
    }
  });

  it('is none, by method none, when the text relays others’ words but names no actor', () => {
    const result = analyze('The markets were calm, officials said. Traders said the weather was mild.');
    expect([result.sender, result.senderEvidence.method]).toEqual([null, 'none']);
  });
});

describe('a speaker label', () => {
  it('is not the subject of what follows it: "Seoul: Pyongyang must ..." is to Pyongyang', () => {
    const text = 'Seoul Answers\n\nBy A. Writer, Seoul Review, 3 March 2019\n\nSeoul spoke to Pyongyang this week.\n\nSeoul: Pyongyang must stop its missile tests now.';
    const result = analyze(text);
    expect(result.sender).toBe('seoul');
    expect(result.sentences.at(-1)!.messageTo).toBe('pyongyang');
  });
});

describe('where a message section starts', () => {
  const sections = (body: string[]): (string | null)[] => {
    const text = ['Beijing Speaks to Its Neighbours', 'By Jane Doe, Policy Review, 27 April 2017', 'Beijing is sending messages this spring.', ...body].join('\n\n');
    const result = analyze(text, { sender: 'beijing' });
    return result.sentences.filter((s) => result.paragraphs[s.paragraph]!.role === 'body').slice(1).map((s) => s.messageTo);
  };

  it.each([
    ['a subject after a speaker\'s label and connectives', 'Spokesperson: Yet Tokyo has said nothing.', 'tokyo'],
    ['the place a reaction is reported from', 'In Seoul, officials welcomed the offer.', 'seoul'],
    ['people placed in an actor', 'Some voices in Tokyo, however, object.', 'tokyo'],
    ['an audience named as such', 'The first addressee is Seoul, and the tone is warm.', 'seoul'],
    ['an audience placed somewhere', 'Its real audience was in Washington.', 'washington'],
    ['one of a run of them', 'The second is Tokyo.', 'tokyo'],
    ['a receiver after "the"', 'Our message to the ROK side is clear.', 'seoul'],
    ['"Toward" a receiver', 'Toward Pyongyang, the signal is colder.', 'pyongyang'],
    ['the first of two receivers named together', 'The message to Seoul and Tokyo is that trade comes first.', 'seoul'],
    ['a reader meant to be someone', 'The first reader was meant to be Washington.', 'washington'],
    ['a message that is the one meant for someone', 'The sharpest message was the one composed for Pyongyang.', 'pyongyang'],
    ['a receiver named by the people who stand for it', 'To the rulers in Pyongyang, the signal is colder.', 'pyongyang'],
    ['an audience in apposition', 'The third reader, Tokyo, heard it least comfortably.', 'tokyo'],
    ['an audience that "there is"', 'There is a second audience in Washington.', 'washington'],
    ['the next in a run of audiences', 'And then there is Moscow.', 'moscow'],
    ['an audience named after the receiver', 'Seoul is the third and least willing reader.', 'seoul'],
    ['an audience that has always been one', 'The most important audience has always been Pyongyang.', 'pyongyang'],
    ['a message named with its sender and its receiver', 'The message from Beijing to Washington is that pressure alone will not work.', 'washington'],
    ['what a message "sends to"', 'The message it sends to Tokyo is plain.', 'tokyo'],
    ['a receiver before "the message" without a comma', 'For Pyongyang the message was simpler still.', 'pyongyang'],
    ['a receiver "itself"', 'For Seoul itself, the signal is warm.', 'seoul'],
    ['a receiver named by its friends there', 'To our friends in Tokyo, the signal is clear.', 'tokyo'],
  ])('at %s: "%s"', (_, paragraph, receiver) => {
    expect(sections([paragraph])[0]).toBe(receiver);
  });

  it.each([
    ['a negated cue', 'The signal was not addressed to Seoul at all.'],
    ['a call to send a message', 'The council must send a strong and unified message to Pyongyang.'],
    ['a list of addressees', 'It was also a message to Seoul, to Pyongyang and to Moscow.'],
    ['a list of three receivers', 'It carries messages to Seoul, Pyongyang and Moscow.'],
  ])('not at %s: "%s"', (_, sentence) => {
    expect(sections([`The message to Tokyo is cool. ${sentence}`])).toEqual(['tokyo', 'tokyo']);
  });
});

describe('the section chooser', () => {
  const text = [
    'Moscow Courts the North',
    'By Jane Doe, Policy Review, 27 April 2019',
    'Pyongyang sent its leader to Vladivostok on Wednesday, and he spent three hours with the Russian president.',
    'Tokyo watched the meeting closely. Japanese officials said little.',
    'The message to Washington is the real one. Moscow wants the Americans to know that it still counts in Asia.',
    'The message to Pyongyang is simpler. Moscow will help, but not for free.',
  ].join('\n\n');
  const body = (sectionModel?: null, given?: ReturnType<typeof model>): (string | null)[] => {
    const result = analyze(text, { sender: 'moscow', ...(sectionModel === null ? { sectionModel } : given ? { sectionModel: given } : {}) });
    return result.sentences.filter((s) => result.paragraphs[s.paragraph]!.role === 'body').map((s) => s.messageTo);
  };

  const model = (weights: Record<string, number>) => ({ weights, temperature: 1, provenance: {} });

  it('takes the chooser it is given: one that always keeps starts no section, one that follows cues alone starts them only at cues', () => {
    expect(body(undefined, model({ 'keep:bias': 10 }))).toEqual([null, null, null, null, null, null, null]);
    expect(body(undefined, model({ 'keep:bias': 1, 'actor:cue': 10 }))).toEqual([null, null, null, 'washington', 'washington', 'pyongyang', 'pyongyang']);
  });

  it('falls back to the rule without a chooser: a section at every topic paragraph', () => {
    expect(body(null)).toEqual(['pyongyang', 'tokyo', 'tokyo', 'washington', 'washington', 'pyongyang', 'pyongyang']);
  });

  it.each(fixtures().map((f) => [f.name, f] as const))('starts a section only in the body, never for the sender, and where its paragraph names the receiver: %s', (_, fixture) => {
    const result = analyze(fixture.text, { actorSet: fixture.actorSet });
    let previous: string | null = null;
    for (const s of result.sentences) {
      if (result.paragraphs[s.paragraph]!.role !== 'body') expect(s.messageTo).toBeNull();
      expect(s.messageTo === null || s.messageTo !== result.sender).toBe(true);
      if (s.messageTo !== null && s.messageTo !== previous) {
        const paragraph = result.sentences.filter((x) => x.paragraph === s.paragraph);
        expect(paragraph.some((x) => x.mentions.some((m) => m.actor === s.messageTo))).toBe(true);
      }
      previous = s.messageTo;
    }
  });
});
