import { describe, expect, it } from 'vitest';
import { ActorFileError, compileActorSet, parseActorFile } from '../../src/actors.js';
import { analyze } from '../../src/analyze.js';

/** Mentions of a one-paragraph body, as "surface=actor/form". */
function mentionsOf(body: string, actorSet = undefined as ReturnType<typeof compileActorSet> | undefined): string[] {
  const result = analyze(`A Title\n\n${body}`, actorSet ? { actorSet } : {});
  return result.sentences.slice(1).flatMap((s) => s.mentions.map((m) => `${m.surface}=${m.actor}/${m.form}`));
}

describe('actor names', () => {
  it('finds every form of the default actors, longest name first', () => {
    expect(mentionsOf('North Koreans met Russians, and the Kremlin hosted Kim Jong-un and the North Korean envoy.')).toEqual([
      'North Koreans=pyongyang/demonym',
      'Russians=moscow/demonym',
      'Kremlin=moscow/institution',
      'Kim Jong-un=pyongyang/leader',
      'North Korean=pyongyang/demonym',
    ]);
  });

  it('finds the names inside hyphenated words', () => {
    expect(mentionsOf('The US-led drive met anti-Russian sanctions and Sino-Soviet memories.')).toEqual([
      'US=washington/country',
      'Russian=moscow/demonym',
      'Sino=beijing/demonym',
      'Soviet=moscow/demonym',
    ]);
  });

  it('finds names however their apostrophes and hyphens are typeset', () => {
    const names = ["Democratic People's Republic of Korea", "People's Republic of China", "People's Liberation Army", "Workers' Party of Korea", "Korean People's Army", "Supreme People's Assembly", 'Kim Jong-un', 'Moon Jae-in'];
    for (const [mark, typeset] of [["'", ['’', '‘']], ['-', ['\u2010', '\u2011', '–']]] as const) {
      for (const name of names.filter((n) => n.includes(mark))) {
        const plain = mentionsOf(`${name} spoke.`);
        expect(plain).toHaveLength(1);
        for (const t of typeset) expect(mentionsOf(`${name.replaceAll(mark, t)} spoke.`)).toEqual([plain[0]!.replaceAll(mark, t)]);
      }
    }
    // The Korea of the full name is not Seoul's "Republic of Korea".
    expect(mentionsOf('The Democratic People’s Republic of Korea replied.')).toEqual(['Democratic People’s Republic of Korea=pyongyang/country']);
    expect(mentionsOf('The Sino–Soviet split.')).toEqual(['Sino=beijing/demonym', 'Soviet=moscow/demonym']);
  });

  it('finds names broken across a line by a hyphen, or by an invisible break, and names spaced with any white space', () => {
    expect(mentionsOf('Pyong-\nyang and Wash-\r\n  ington met Kim Jong-\nun.')).toEqual([
      'Pyong-\nyang=pyongyang/capital',
      'Wash-\r\n  ington=washington/capital',
      'Kim Jong-\nun=pyongyang/leader',
    ]);
    for (const mark of ['\u00ad', '\u200b', '\u2060']) expect(mentionsOf(`Pyong${mark}yang spoke.`)).toEqual([`Pyong${mark}yang=pyongyang/capital`]);
    for (const space of ['\u2009', '\u202f', '\u2007', '\u3000']) expect(mentionsOf(`North${space}Korea spoke.`)).toEqual([`North${space}Korea=pyongyang/country`]);
    // A hyphen ending a line that joins no name leaves the word before it as it was.
    expect(mentionsOf('The US-\nled drive and anti-\nRussian feeling.')).toEqual(['US=washington/country', 'Russian=moscow/demonym']);
    // Ideographic punctuation ends a word.
    expect(mentionsOf('Seoul agreed。Tokyo did not.')).toEqual(['Seoul=seoul/capital', 'Tokyo=tokyo/capital']);
  });

  it('finds names with some words in capitals, as official lists write surnames', () => {
    expect(mentionsOf('KIM Jong Un praised XI Jinping, and Vladimir PUTIN met MOON Jae-in.')).toEqual([
      'KIM Jong Un=pyongyang/leader',
      'XI Jinping=beijing/leader',
      'Vladimir PUTIN=moscow/leader',
      'MOON Jae-in=seoul/leader',
    ]);
    // A name of two letters is matched only as written.
    expect(mentionsOf('XI spoke, and so did the Us delegation.')).toEqual([]);
  });

  it('finds the Koreas and China as headlines abbreviate them', () => {
    expect(mentionsOf('N. Korea warned S.Korea, and N.Korean and S. Korean envoys met the P.R.C. delegation.')).toEqual([
      'N. Korea=pyongyang/country',
      'S.Korea=seoul/country',
      'N.Korean=pyongyang/demonym',
      'S. Korean=seoul/demonym',
      'P.R.C.=beijing/country',
    ]);
  });

  it('finds a name an actor file writes with a typographic apostrophe as written with a plain one', () => {
    const set = compileActorSet(parseActorFile([{ id: 'lao', name: 'Vientiane', aliases: ['Lao People’s Democratic Republic'] }]));
    expect(mentionsOf("The Lao People's Democratic Republic agreed.", set)).toEqual(["Lao People's Democratic Republic=lao/country"]);
  });

  it('refuses the traps: people, newspapers, seas and peninsulas', () => {
    expect(
      mentionsOf(
        'George Washington warned of entanglements, the Washington Post reported, ships sailed the South China Sea, and the Korean Peninsula and the Trans-Korean pipeline stayed quiet.',
      ),
    ).toEqual([]);
  });

  it('reads "the North" and "the South" as the Koreas only in a Korean context', () => {
    expect(mentionsOf('Seoul watched the North, and the South waited.')).toEqual([
      'Seoul=seoul/capital',
      'the North=pyongyang/contextual',
      'the South=seoul/contextual',
    ]);
    expect(mentionsOf('Washington watched the North and the South of Italy.')).toEqual(['Washington=washington/capital']);
    expect(mentionsOf('Seoul eyed the South Kuril Islands.')).toEqual(['Seoul=seoul/capital']);
  });

  it('does not count the publisher named in the byline', () => {
    const result = analyze('A Title\n\nA deck.\n\npublished by\nChina Review\n\nChina Review says Beijing is calm.');
    expect(result.sentences.at(-1)!.mentions.map((m) => m.surface)).toEqual(['Beijing']);
  });

  it('resolves a subject pronoun to the subject of the sentence before', () => {
    const result = analyze('A Title\n\nNorth Koreans may hope for aid. However, they need to reenter the region.');
    const last = result.sentences.at(-1)!;
    expect(last.mentions).toEqual([{ actor: 'pyongyang', surface: 'they', form: 'pronoun', start: expect.any(Number), end: expect.any(Number) }]);
    const other = analyze('A Title\n\nThe visit to Russia was short. It comes after other visits.');
    expect(other.sentences.at(-1)!.mentions).toEqual([]);
  });

  it('lists states outside the set under others', () => {
    const result = analyze('A Title\n\nGermany and India watched Moscow; Germany spoke first.');
    expect(result.others).toEqual([
      { name: 'Germany', mentions: 2 },
      { name: 'India', mentions: 1 },
    ]);
  });
});

describe('actor files', () => {
  const ankara = { id: 'ankara', name: 'Ankara', country: 'Turkey', aliases: ['Turkish', 'Turks'], leaders: ['Erdogan'] };

  it('replaces the set, with name and country counting as mentions', () => {
    const set = compileActorSet(parseActorFile([ankara, { id: 'berlin', name: 'Berlin', country: 'Germany', aliases: ['German'], leaders: [] }]));
    expect(mentionsOf('Turkey and Erdogan told Berlin that Turkish patience with Germany has limits; Moscow said nothing.', set)).toEqual([
      'Turkey=ankara/country',
      'Erdogan=ankara/leader',
      'Berlin=berlin/capital',
      'Turkish=ankara/demonym',
      'Germany=berlin/country',
    ]);
  });

  it.each([
    [{ not: 'an array' }, /must be a JSON array/],
    [[], /lists no actors/],
    [[{ name: 'Ankara' }], /entry 1, field "id": is missing/],
    [[ankara, { ...ankara }], /entry 2, field "id": "ankara" is already the id of entry 1/],
    [[ankara, { id: 'athens', name: 'Athens', aliases: ['Turks'] }], /entry 2, field "aliases": "Turks" is already a name of "ankara"/],
    // A typo inside an official or a contextual name, which would be dropped; a clash named by the field it was written in.
    [[{ ...ankara, officials: [{ name: 'Erdogan', from: 2014, role: 'pm' }] }], /entry 1, field "officials", item 1: unknown field "role"/],
    [[{ ...ankara, contextual: [{ phrase: 'the Porte', requires: ['Ottoman'], require: 'x' }] }], /entry 1, field "contextual", item 1: unknown field "require"/],
    [[ankara, { id: 'athens', name: 'Athens', officials: [{ name: 'Erdogan', from: 2014 }] }], /entry 2, field "officials": "Erdogan" is already a name of "ankara"/],
    // Names that match the same words: in capitals, with other white space, typeset otherwise.
    [[ankara, { id: 'athens', name: 'Athens', aliases: ['TURKS'] }], /entry 2, field "aliases": "TURKS" is already a name of "ankara"/],
    [[ankara, { id: 'athens', name: 'Athens', leaders: ['ERDOGAN'] }], /"ERDOGAN" is already a name of "ankara"/],
    [[{ ...ankara, aliases: ['South  Korea'] }, { id: 'busan', name: 'Busan', aliases: ['South Korea'] }], /"South Korea" is already a name of "ankara"/],
    [[{ ...ankara, aliases: ["People's Party"] }, { id: 'x', name: 'X', aliases: ['People’s Party'] }], /"People’s Party" is already a name of "ankara"/],
    [[{ ...ankara, aliases: [''] }], /entry 1, field "aliases": item 1 must be a non-empty string/],
    [[{ ...ankara, aliases: ['(Turk|Turkey)+'] }], /looks like a regular expression/],
    [[{ ...ankara, aliasses: ['Turkey'] }], /entry 1, field "aliasses": unknown field \(did you mean "aliases"\?\)/],
    [[{ ...ankara, colour: 'red' }], /entry 1, field "colour": unknown field; the fields are id, name/],
    [[{ ...ankara, leaders: 'Erdogan' }], /entry 1, field "leaders": must be an array of strings/],
    [[{ id: 'Ankara!', name: 'Ankara' }], /field "id"/],
  ])('refuses a bad actor file (%#), naming the entry (from 1) and field', (data, message) => {
    expect(() => parseActorFile(data)).toThrow(ActorFileError);
    expect(() => parseActorFile(data)).toThrow(message);
  });

  it('matches a user name as literal text, however it is written', () => {
    const set = compileActorSet(parseActorFile([{ id: 'x', name: 'A.B', aliases: ['a.b.c'] }]));
    expect(mentionsOf('AxB met A.B and a.b.c today.', set)).toEqual(['A.B=x/capital', 'a.b.c=x/country']);
  });
});

describe('actor file names with punctuation', () => {
  it('matches names with brackets and plus signs literally', () => {
    const set = compileActorSet(parseActorFile([{ id: 'gsevenplus', name: 'G7+', aliases: ['Group of Seven (Plus)'] }]));
    const result = analyze('A Title\n\nThe Group of Seven (Plus) met, and G7+ spoke.', { actorSet: set });
    expect(result.sentences.at(-1)!.mentions.map((m) => m.surface)).toEqual(['Group of Seven (Plus)', 'G7+']);
  });

  it('matches names with square brackets literally', () => {
    const set = compileActorSet(parseActorFile([
      { id: 'juba', name: 'Juba', aliases: ['Sudan [South]'] },
      { id: 'kinshasa', name: 'Kinshasa', aliases: ['Congo [DRC]', 'DRC [Kinshasa] Government'] },
    ]));
    const result = analyze('A Title\n\nSudan [South] met Congo [DRC], and DRC [Kinshasa] Government spoke.', { actorSet: set });
    expect(result.sentences.at(-1)!.mentions.map((m) => `${m.surface}=${m.actor}`)).toEqual(['Sudan [South]=juba', 'Congo [DRC]=kinshasa', 'DRC [Kinshasa] Government=kinshasa']);
  });

  it.each(['[Rr]ussia', 'Russi[ae]', '[a-z]+', '[A-Za-z]', 'Korea [0-9]', '[^x] state', 'State []', 'Sudan [\\w]'])('still refuses %s, a character class', (alias) => {
    expect(() => parseActorFile([{ id: 'x', name: 'X', aliases: [alias] }])).toThrow(/looks like a regular expression/);
  });
});

describe('a large actor file', () => {
  it('matches names among 50,000 aliases that share a first word, each occurrence by look-up', () => {
    const aliases = Array.from({ length: 50000 }, (_, i) => `Foo Bar${i}`);
    const set = compileActorSet(parseActorFile([{ id: 'x', name: 'X', aliases: [...aliases, 'Foo'] }]));
    expect(set.bySecondWord.get('Foo')!.get('bar17')!.map((e) => e.text)).toEqual(['Foo Bar17']);
    const result = analyze('A Title\n\nFoo said that Foo Bar17 met Foo Bar49999, and Foo Baz did not.', { actorSet: set });
    expect(result.sentences.at(-1)!.mentions.map((m) => m.surface)).toEqual(['Foo', 'Foo Bar17', 'Foo Bar49999', 'Foo']);
  });
});

describe('excluded spans', () => {
  it('are found by binary search among many', async () => {
    const { overlapsAny } = await import('../../src/mentions.js');
    const spans = Array.from({ length: 10000 }, (_, i) => ({ start: i * 10, end: i * 10 + 4 }));
    expect(overlapsAny(spans, 0, 1)).toBe(true);
    expect(overlapsAny(spans, 4, 10)).toBe(false);
    expect(overlapsAny(spans, 99993, 99995)).toBe(true);
    expect(overlapsAny(spans, 99994, 99999)).toBe(false);
    expect(overlapsAny([], 0, 5)).toBe(false);
    // A publisher named throughout the article is no mention anywhere.
    const body = Array.from({ length: 200 }, () => 'Seoul Times reported that Tokyo met Seoul.').join(' ');
    const result = analyze(`A Title\n\nA deck of words.\n\nBy Jane Roe, Seoul Times\n\n${body}`);
    expect(result.meta.publisher).toBe('Seoul Times');
    expect(result.actors.find((a) => a.id === 'seoul')!.mentions).toBe(200);
  });
});

describe('matching cost does not grow with the number of excluded spans or of names sharing a first word', () => {
  /** An array whose element reads are counted. */
  function counted<T>(items: T[]): { proxy: T[]; reads: () => number } {
    let reads = 0;
    const proxy = new Proxy(items, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver);
      },
    });
    return { proxy, reads: () => reads };
  }

  it('reads a handful of 10,000 excluded spans per name found', async () => {
    const { findNames } = await import('../../src/mentions.js');
    const { defaultActorSet } = await import('../../src/actors.js');
    const text = 'Seoul and Tokyo met in Beijing.';
    const spans = counted(Array.from({ length: 10000 }, (_, i) => ({ start: 100 + i * 10, end: 104 + i * 10 })));
    const found = findNames(text, { start: 0, end: text.length }, defaultActorSet(), { contains: () => true, excluded: spans.proxy });
    expect(found.mentions.map((m) => m.actor)).toEqual(['seoul', 'tokyo', 'beijing']);
    expect(spans.reads()).toBeLessThan(3 * 20);
  });

  it('never walks the full list of 50,000 names that share a first word', () => {
    const aliases = Array.from({ length: 50000 }, (_, i) => `Foo Bar${i}`);
    const set = compileActorSet(parseActorFile([{ id: 'x', name: 'X', aliases }]));
    const all = counted(set.index.get('Foo')!);
    set.index.set('Foo', all.proxy);
    const result = analyze('A Title\n\nFoo Bar17 met Foo Bar42 and Foo Bar7.', { actorSet: set });
    expect(result.sentences.at(-1)!.mentions.map((m) => m.surface)).toEqual(['Foo Bar17', 'Foo Bar42', 'Foo Bar7']);
    expect(all.reads()).toBe(0);
  });
});
