import { describe, expect, it } from 'vitest';
import { parseTiming } from './timing.ts';

describe('parseTiming', () => {
  const cases: [string, number | null, number | null, boolean][] = [
    ['2021', 2021, 2021, false],
    ['2021-2022', 2021, 2022, false],
    ['2022 - 2023', 2022, 2023, false],
    ['2022/2023', 2022, 2023, false],
    ['2021- 2022', 2021, 2022, false],
    ['2021 – 2022', 2021, 2022, false],
    ['-2022/2023', 2022, 2023, false],
    ['2024 - 2025', 2024, 2025, false],
    ['2022 - to be repeated in subsequent years', 2022, null, true],
    ['To be carried out at least once between 2021 and 2025', 2021, 2025, false],
    ['Annually from 2022', 2022, 2022, true],
    ['jaarlijks vanaf 2023', 2023, 2023, true],
    ['by the end of 2024', null, 2024, false],
    ['Ongoing', null, null, true],
    ['', null, null, false],
  ];
  it.each(cases)('%s', (raw, start, end, recurring) => {
    const t = parseTiming(raw);
    expect([t.start, t.end, t.recurring]).toEqual([start, end, recurring]);
  });

  it('returns non-timing words that bled in from the neighbouring cell', () => {
    expect(parseTiming('Policy 2022')).toMatchObject({ start: 2022, end: 2022, leading: 'Policy' });
    expect(parseTiming('from 2022').leading).toBe('');
  });

  it('reads quarters and months in four languages', () => {
    expect(parseTiming('Q3 2022')).toMatchObject({ startMonth: '2022-07', endMonth: '2022-09' });
    expect(parseTiming('2e kwartaal 2023').endMonth).toBe('2023-06');
    expect(parseTiming('T1 2024').startMonth).toBe('2024-01');
    expect(parseTiming('2. Quartal 2023').startMonth).toBe('2023-04');
    expect(parseTiming('juin 2022 - décembre 2023')).toMatchObject({
      startMonth: '2022-06',
      endMonth: '2023-12',
    });
    expect(parseTiming('Juni 2022')).toMatchObject({ start: 2022, startMonth: '2022-06' });
    expect(parseTiming('end of 2023').endMonth).toBe('2023-12');
    expect(parseTiming('31/12/2025')).toMatchObject({ end: 2025, endMonth: '2025-12' });
  });
});
