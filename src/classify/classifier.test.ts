import { stemmer as germanSnowball } from '@orama/stemmers/german';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, type Language } from '../framework/schema.ts';
import { analyse } from './analyse.ts';
import { buildClassifier, defaultClassifier } from './classifier.ts';
import { lexiconFor, loadLexiconFile, matchLexicon, termsOf } from './lexicon.ts';
import { NaiveBayes, NO_OBJECTIVE } from './model.ts';

const classifier = defaultClassifier();
const top = (text: string, lang?: 'en' | 'nl' | 'fr' | 'de') =>
  classifier.classify(text, lang ? { lang } : {}).objectives[0];

describe('classifier', () => {
  it.each([
    [
      'Member States are encouraged to resume State-run search and rescue operations in the Mediterranean.',
      8,
    ],
    ['Belgium has clear legislation on voluntary/assisted and forced return and reintegration.', 21],
    ['Slachtoffers van mensenhandel worden doorverwezen naar gespecialiseerde opvangcentra.', 10],
    [
      'La reconnaissance des diplômes obtenus à l’étranger reste difficile pour les ressortissants de pays tiers.',
      18,
    ],
    ['Die Kosten von Rücküberweisungen müssen gesenkt und die finanzielle Inklusion gefördert werden.', 20],
    ['Les alternatives à la détention des enfants migrants doivent être privilégiées.', 13],
    ['Die Schleusung von Migranten über das Mittelmeer muss wirksamer bekämpft werden.', 9],
  ])('ranks "%s" under objective %i, detecting its language', (text, objective) => {
    expect(top(text)?.objective).toBe(objective);
  });

  it('quotes evidence as it appears in the passage and names the nearest lettered action', () => {
    const best = top(
      'Victims of trafficking must be identified and referred to specialised reception centres.',
    );
    expect(best?.evidence).toContain('Victims of trafficking');
    expect(best?.action).toMatch(/^10\([a-j]\)$/);
  });

  it('names the nearest action for French and German passages too (from the working glosses)', () => {
    const fr = top('Les victimes de la traite doivent recevoir protection et assistance.', 'fr');
    expect(fr).toMatchObject({ objective: 10, action: expect.stringMatching(/^10\([a-j]\)$/) });
    const de = top('Die Kosten von Rücküberweisungen müssen gesenkt werden.', 'de');
    expect(de).toMatchObject({ objective: 20, action: expect.stringMatching(/^20\([a-i]\)$/) });
  });

  it('scores a passage about nothing in the GCM low everywhere', () => {
    const result = classifier.classify(
      'The weather in Brussels was sunny yesterday and the football team won its match.',
    );
    expect(result.objectives[0]?.score).toBeLessThan(0.5);
  });

  it('damps refugee-only text, which belongs to the Global Compact on Refugees', () => {
    const lex = lexiconFor('en');
    const refugeeOnly = matchLexicon('Asylum seekers and refugees need access to health care.', lex);
    const migrants = matchLexicon('Migrants, asylum seekers and refugees need access to health care.', lex);
    expect(refugeeOnly[0]?.weight).toBeLessThan(migrants[0]?.weight ?? 0);
    // Refugee phrases follow the phrase rule too: a sentence break splits "international protection".
    const weight = (text: string) => matchLexicon(text, lex).find((h) => h.objective === 7)?.weight;
    const phrase = weight('Support is international, and the protection of workers needs care.');
    const split = weight('Support is international. The protection of workers needs care.');
    expect(phrase).toBeLessThan(split ?? 0);
  });

  it('finds Dutch and German terms inside compounds, quoting the whole word', () => {
    const de = matchLexicon('Die Schleusungskriminalität nimmt zu.', lexiconFor('de'));
    expect(de[0]).toMatchObject({ objective: 9, evidence: ['Schleusungskriminalität'] });
    const nl = matchLexicon('De mensenhandelbestrijding krijgt meer middelen.', lexiconFor('nl'));
    expect(nl[0]?.objective).toBe(10);
    // A derived word is not a compound: "gemeenschappelijke" (common) is no "gemeenschap" (community).
    const common = matchLexicon('Een gemeenschappelijke aanpak.', lexiconFor('nl'));
    expect(common.some((h) => h.evidence.includes('gemeenschappelijke'))).toBe(false);
    // English and French do not compound: no partial-word matches there.
    expect(matchLexicon('The smugglingwise test.', lexiconFor('en'))).toEqual([]);
  });

  it('does not count a term inside an exclude phrase, but still counts it elsewhere', () => {
    const lex = lexiconFor('en');
    const idiom = matchLexicon('Visas were offered in return for cooperation.', lex);
    expect(idiom.some((h) => h.objective === 21)).toBe(false);
    const both = matchLexicon('Visas were offered in return for help with the return of migrants.', lex);
    expect(both.find((h) => h.objective === 21)?.evidence).toEqual(['return of migrants']);
  });

  it('lets cooperation wording give way to the objective a passage names specifically', () => {
    const lex = lexiconFor('en');
    const hits = matchLexicon(
      'States should strengthen partnerships and cooperation to combat smuggling.',
      lex,
    );
    expect(hits[0]?.objective).toBe(9);
    // With one of its own strong terms, objective 23 keeps its full weight.
    const process = matchLexicon('Partnerships under the Global Compact help combat smuggling.', lex);
    expect(process[0]?.objective).toBe(23);
  });

  it('does not read common words that share a stem with a lexicon term as that term', () => {
    // "competent" stems like "competences", "vise" (aims) like "visa", "menées" like "MENA",
    // "unies" (Nations unies) like "Unia", "traitement" (processing) like "traite" (trafficking),
    // Dutch "zorgen voor" (to provide) like "zorg" (care).
    const en = matchLexicon('The competent authorities refer the case.', lexiconFor('en'));
    expect(en.map((h) => h.objective)).not.toContain(18);
    const fr = matchLexicon(
      'Le programme vise à soutenir les actions menées par les Nations unies et le traitement des dossiers.',
      lexiconFor('fr'),
    );
    expect(fr.map((h) => h.objective).filter((o) => [5, 7, 10, 17].includes(o))).toEqual([]);
    const nl = matchLexicon('De nieuwe fabriek zal zorgen voor tweehonderd banen.', lexiconFor('nl'));
    expect(nl.map((h) => h.objective)).not.toContain(15);
    // Dutch "steeds" (ever more) stems like "steden" (cities), "living" like "lives" (saved),
    // French "payés" (paid) like "paiements" (remittances), German "ausländisch" like "Ausland".
    const objectives = (text: string, lang: Language) =>
      matchLexicon(text, lexiconFor(lang)).map((h) => h.objective);
    expect(objectives('Steeds meer mensen wonen alleen.', 'nl')).not.toContain(16);
    expect(objectives('Their living conditions were poor.', 'en')).not.toContain(8);
    expect(objectives('Les cuisiniers étaient payés quatre euros.', 'fr')).not.toContain(20);
    expect(objectives('Ausländische Fachkräfte werden gesucht.', 'de')).not.toContain(14);
    // Nor is a derived word a compound: "politieke" (political) is no "politie" (police) and
    // "kostenlos" (free) no "Kosten" (costs), while "politiekorps" is still a police force.
    expect(objectives('De politieke partijen zijn verdeeld.', 'nl')).not.toContain(9);
    expect(objectives('Het politiekorps zoekt getuigen.', 'nl')).toContain(9);
    expect(objectives('Die Beratung ist kostenlos.', 'de')).not.toContain(20);
    // "the train" (an exclude phrase of 18) is whole words: it leaves "the training" alone.
    expect(objectives('Thirty people were taken off the train.', 'en')).not.toContain(18);
    expect(objectives('Newcomers follow the training of the employment service.', 'en')).toContain(18);
    // A phrase skips stop words, but not a whole clause: "family and was not allowed" is no
    // "family allowances" (22).
    expect(
      objectives('She worked for the family and was not allowed to leave the house.', 'en'),
    ).not.toContain(22);
    expect(
      objectives('Frontier workers claim family allowances in the country where they work.', 'en'),
    ).toContain(22);
  });

  it('uses the document profile for short action rows', () => {
    const profile = new Array(23).fill(0.01);
    profile[9] = 0.6;
    const alone = classifier.classify('Carry out the second evaluation of the working method', {
      lang: 'en',
    }).objectives;
    const withContext = classifier.classify('Carry out the second evaluation of the working method', {
      lang: 'en',
      context: { profile },
    }).objectives;
    expect(alone[0]?.objective).not.toBe(10);
    expect(withContext[0]?.objective).toBe(10);
  });

  it('is deterministic and returns every objective ranked', () => {
    const a = classifier.classify('Integration programmes for newcomers include language courses.');
    const b = buildClassifier().classify('Integration programmes for newcomers include language courses.');
    expect(a).toEqual(b);
    expect(a.objectives).toHaveLength(23);
    expect(a.objectives[0]?.objective).toBe(16);
  });
});

describe('German analyser', () => {
  const stems = (text: string) => analyse(text, 'de').map((t) => t.stem);

  it('stems feminine person nouns with their masculine forms', () => {
    expect(stems('Migrantinnen Ärztinnen Unternehmerinnen Lehrerin Migrantin Juristin Psychologin')).toEqual(
      stems('Migranten Ärzte Unternehmer Lehrer Migrant Jurist Psychologe'),
    );
    // The gender star splits the word; its "innen" is dropped as a stop word.
    expect(stems('Migrant*innen und Arbeitnehmer:innen')).toEqual(stems('Migranten und Arbeitnehmer'));
  });

  it('leaves words that only end like a feminine form', () => {
    for (const word of ['beginnen', 'gewinnen', 'Termin', 'Medizin', 'Berlin', 'Login'])
      expect(stems(word)).toEqual([germanSnowball(word.toLowerCase())]);
  });
});

describe('model', () => {
  it('round-trips through JSON with the same version and predictions', () => {
    const model = NaiveBayes.train(
      [
        { lang: 'en', objective: 1, text: 'migration data and statistics' },
        { lang: 'en', objective: 2, text: 'climate change drives migration' },
      ],
      2,
    );
    const copy = NaiveBayes.fromJSON(JSON.parse(JSON.stringify(model.toJSON())));
    expect(copy.version).toBe(model.version);
    const tokens = [{ surface: 'climate', stem: 'climat', start: 0, end: 7 }];
    expect(copy.predict(tokens, 'en')).toEqual(model.predict(tokens, 'en'));
    expect(model.predict(tokens, 'en')[1]).toBeGreaterThan(0.5);
  });

  it('keeps a class for passages about nothing in the GCM, which takes posterior from the objectives', () => {
    const examples = [
      { lang: 'en' as const, objective: 1, text: 'migration data and statistics' },
      { lang: 'en' as const, objective: 2, text: 'climate change drives migration' },
    ];
    const bibliography = analyse('Migration Gazette, 22 May 2009, page 4', 'en');
    const total = (posteriors: number[]) => posteriors.reduce((a, b) => a + b, 0);
    const without = NaiveBayes.train(examples, 2).predict(bibliography, 'en');
    const withNone = NaiveBayes.train(
      [...examples, { lang: 'en', objective: NO_OBJECTIVE, text: 'Official Gazette, see page 12' }],
      2,
    ).predict(bibliography, 'en');
    expect(without).toHaveLength(2);
    expect(total(without)).toBeCloseTo(1);
    expect(withNone).toHaveLength(2);
    expect(total(withNone)).toBeLessThan(0.5);
  });

  it('has a lexicon for every objective in every language', () => {
    for (const lang of LANGUAGES) {
      const file = loadLexiconFile(lang);
      expect(
        Object.keys(file.objectives)
          .map(Number)
          .sort((a, b) => a - b),
      ).toEqual(Array.from({ length: 23 }, (_, i) => i + 1));
    }
  });

  it('lists a term once per objective, in one tier', () => {
    // A term in two tiers would count twice in the model's training and leave its weight unclear.
    const repeated = LANGUAGES.flatMap((lang) =>
      Object.entries(loadLexiconFile(lang).objectives).flatMap(([objective, entry]) => {
        const terms = termsOf(entry).map((t) => t.toLowerCase());
        return terms.filter((t, i) => terms.indexOf(t) !== i).map((t) => `${lang} ${objective}: ${t}`);
      }),
    );
    expect(repeated).toEqual([]);
  });

  it('has no phrase that the analyser shrinks to one common word', () => {
    // Numbers and stop words are dropped, so "3 per cent" would match every "per cent" and "kwamen
    // om" every "kwamen" (came): a phrase must keep at least two stems, or be a single word.
    const shrunk = LANGUAGES.flatMap((lang) =>
      Object.values(loadLexiconFile(lang).objectives).flatMap((entry) =>
        termsOf(entry).filter(
          (term) => term.trim().split(/[\s-]+/).length > 1 && analyse(term, lang).length < 2,
        ),
      ),
    );
    expect(shrunk).toEqual([]);
  });
});
