import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../ingest/parse.ts';
import { loadRegistry } from './actors.ts';
import { extractActions } from './extract.ts';
import { parseResponsibility } from './responsibility.ts';
import { repairBleed } from './tables.ts';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../../test/fixtures/corpus', name));

/** Gold rows of the ten action-table rows of the human-trafficking plan (sections 2.1.1-3.8). */
const GOLD = [
  {
    title: /^On the basis of a prior review by the Bureau/,
    lead: ['Human Trafficking and People Smuggling Office', 'ad-hoc working group'],
    start: 2022,
    end: 2023,
    section: /^2\.1\.1 /,
  },
  {
    title: /^Ensure that appropriate communication is established between youth magistrates/,
    lead: ['College of Public Prosecutors'],
    start: 2022,
    end: 2022,
    section: /^2\.2 /,
  },
  {
    title: /^Adapt the sheet for duty magistrates$/,
    lead: ['College of Public Prosecutors'],
    start: 2021,
    end: 2022,
    section: /^2\.2 /,
  },
  {
    title: /^Carry out the second assessment of Col 01\/2015$/,
    lead: ['College of Public Prosecutors', 'Criminal Policy Department'],
    start: 2021,
    end: 2021,
    section: /^2\.2 /,
  },
  {
    title: /^Increase the capacity and material support of services/,
    lead: ['FPS Home Affairs', 'FPS Justice', 'FPS Employment, Labour and Social Dialogue'],
    start: 2021,
    end: 2021,
    section: /^2\.2 /,
  },
  {
    title: /^The working group set up will continue the dialogue with Febelfin/,
    lead: ['Human Trafficking and People Smuggling Office', 'CTIF-CFI'],
    start: 2022,
    end: 2022,
    section: /^2\.3 /,
  },
  {
    title: /^The working group will contact the transfer agencies individually/,
    lead: ['Human Trafficking and People Smuggling Office', 'CTIF-CFI'],
    start: 2021,
    end: 2022,
    section: /^2\.3 /,
  },
  {
    title: /^Creation of a didactic application/,
    lead: ['Human Trafficking and People Smuggling Office'],
    start: 2024,
    end: 2025,
    section: /^3\.7 /,
  },
  {
    title: /^Establishment of a website on HT coordination$/,
    lead: ['Criminal Policy Department'],
    start: 2022,
    end: 2022,
    section: /^3\.7 /,
  },
  {
    title: /^Update the basic information sheet for diplomats\.$/,
    lead: ['FPS Foreign Affairs'],
    contributor: ['Human Trafficking and People Smuggling Office'],
    start: 2022,
    end: 2022,
    section: /^3\.8 /,
  },
];

describe('action extraction on the human-trafficking action plan (gold)', async () => {
  const doc = await parseDocument(fixture('be-thb-action-plan.excerpt.txt'), 'thb.txt');
  const rows = extractActions(doc).filter((a) => a.source === 'table');

  it('returns exactly the ten table rows, in order', () => {
    expect(rows).toHaveLength(GOLD.length);
  });

  it.each(GOLD.map((g, i) => [i + 1, g] as const))(
    'row %i has its title, actors, years and section',
    (i, gold) => {
      const row = rows[i - 1];
      expect(row?.title).toMatch(gold.title);
      expect(row?.actors.filter((a) => a.role === 'lead').map((a) => a.name)).toEqual(gold.lead);
      expect(row?.actors.filter((a) => a.role === 'contributor').map((a) => a.name)).toEqual(
        gold.contributor ?? [],
      );
      expect([row?.start, row?.end]).toEqual([gold.start, gold.end]);
      expect(row?.section).toMatch(gold.section);
    },
  );

  it('returns a row broken by a page break once, with its whole text', () => {
    const first = rows[0];
    expect(first?.text).toContain(
      'People Smuggling (hereinafter Human Trafficking and People Smuggling “Bureau”)',
    );
    expect(first?.text).toContain('An adaptation of immediate arrest after screening;');
    expect(first?.text).toContain('(e.g. transaction before indictment, etc.)');
    expect(first?.text).not.toMatch(/<b>|\*\*/);
  });

  it('keeps the list items of a cell as lines and flags an unknown actor for review', () => {
    expect(rows[1]?.text.split('\n')).toHaveLength(2);
    expect(rows[0]?.actors.find((a) => a.name === 'ad-hoc working group')).toMatchObject({
      known: false,
      level: 'unknown',
    });
  });

  it('continues an empty responsibility cell from the row above, with lower confidence', () => {
    expect(rows[6]?.responsible).toBe(rows[5]?.responsible);
    expect(rows[6]?.confidence).toBeLessThan(rows[5]?.confidence ?? 0);
  });

  it('repairs text that bled from the responsibility into the timing cell', () => {
    expect(rows[8]).toMatchObject({ responsible: 'Criminal Policy Department', timing: '2022' });
  });

  it('finds commitments in running text with a lower confidence', () => {
    const text = extractActions(doc).filter((a) => a.source === 'text');
    expect(text.length).toBeGreaterThan(0);
    expect(text.every((a) => a.confidence < 0.7)).toBe(true);
    expect(text.map((a) => a.text)).toContain('An ad-hoc working group will be set up for this purpose.');
  });
});

describe('tables in other languages and layouts', () => {
  it('reads a Dutch table with "Verantwoordelijke" and "Timing" headers', async () => {
    const text = [
      '# 4.2 Opvang van slachtoffers',
      '',
      'Project\tVerantwoordelijke\tTiming',
      '**Evaluatie van de financiering van de opvangcentra**\tFOD Justitie in samenwerking met Myria\t2023 - 2024',
      'Opleiding van de politiediensten\tFed Pol + Com. Ger.\tjaarlijks vanaf 2022',
      '',
      'Gewone tekst na de tabel.',
    ].join('\n');
    const doc = await parseDocument(new TextEncoder().encode(text), 'nl.md');
    const rows = extractActions(doc, { includeText: false });
    expect(rows.map((r) => r.title)).toEqual([
      'Evaluatie van de financiering van de opvangcentra',
      'Opleiding van de politiediensten',
    ]);
    expect(rows[0]?.actors.map((a) => [a.role, a.name])).toEqual([
      ['lead', 'FPS Justice'],
      ['contributor', 'Myria'],
    ]);
    expect(rows[1]?.actors.map((a) => [a.name, a.level])).toEqual([
      ['Federal Police', 'federal'],
      ['German-speaking Community', 'community'],
    ]);
    expect(rows[1]).toMatchObject({
      start: 2022,
      recurring: true,
      language: 'nl',
      section: '4.2 Opvang van slachtoffers',
    });
  });

  it('reads a French "Projet | Responsabilité | Calendrier" table', async () => {
    const text =
      'Projet\tResponsabilité\tCalendrier\nMise à jour de la circulaire multidisciplinaire\tSPF Justice / Reg. Flam.\t2022/2023\n';
    const doc = await parseDocument(new TextEncoder().encode(text), 'fr.txt');
    const [row] = extractActions(doc, { includeText: false });
    expect(row?.actors.map((a) => a.name)).toEqual(['FPS Justice', 'Flemish Government']);
    expect([row?.start, row?.end]).toEqual([2022, 2023]);
  });

  it('ignores tab-separated statistics that are not action tables', async () => {
    const doc = await parseDocument(fixture('emn-study.excerpt.txt'), 'emn.txt');
    expect(extractActions(doc, { includeText: false })).toEqual([]);
  });
});

describe('responsibility cells', () => {
  const registry = loadRegistry('BE');
  it('names the same body once and keeps raw text', () => {
    const actors = parseResponsibility('FPS Justice / SPF Justice / FOD Justitie', registry);
    expect(actors).toHaveLength(1);
    expect(actors[0]?.raw).toBe('FPS Justice / SPF Justice / FOD Justitie');
  });
  it('maps NISSE to INASTI and keeps unknown names raw', () => {
    expect(
      parseResponsibility('NISSE and the Foobar Agency', registry).map((a) => [a.name, a.known]),
    ).toEqual([
      ['INASTI', true],
      ['Foobar Agency', false],
    ]);
  });
  it('does not invent a repair when the registry does not know the result', () => {
    expect(repairBleed('College PGs', '2021', registry)).toBeUndefined();
  });
});
