import { describe, expect, it } from 'vitest';
import { cleanInline, stripPdfGarbage } from './inline.ts';

describe('cleanInline', () => {
  it('turns HTML fragments from converters into text, list items into lines', () => {
    const r = cleanInline(
      '<ul style="list-style-type: none"> <li>- <b>First &amp; foremost</b></li> <li>- <b>Second</b></li> </ul>',
    );
    expect(r.text).toBe('First & foremost\nSecond');
    expect(r.emphasised).toBe(true);
  });

  it('separates footnote markers from the text', () => {
    const r = cleanInline('between 20,000 and 25,000 victims were detected<sup>1</sup>.');
    expect(r).toMatchObject({
      text: 'between 20,000 and 25,000 victims were detected.',
      footnoteRefs: ['1'],
    });
    expect(cleanInline('is poor⁽¹⁾ and').footnoteRefs).toEqual(['1']);
  });

  it('removes Markdown emphasis, links and escapes but keeps their words', () => {
    expect(cleanInline('### [National Social Security Office \\(NSSO\\) training](#)').text).toBe(
      '### National Social Security Office (NSSO) training',
    );
    expect(cleanInline('the *modi operandi* cited and **bold** words').text).toBe(
      'the modi operandi cited and bold words',
    );
    expect(cleanInline('reflected in the 6^{th} report').text).toBe('reflected in the 6th report');
  });

  it('leaves unknown angle-bracket text alone and never keeps script tags as markup', () => {
    expect(cleanInline('a <3 b').text).toBe('a <3 b');
    expect(cleanInline('<b>x</b><br>y').text).toBe('x\ny');
  });
});

describe('stripPdfGarbage', () => {
  it('cuts a content-stream run off the end of a sentence', () => {
    expect(
      stripPdfGarbage(
        'There are bilateral, multilat14(ce 30(a)12(re)7(1)-7a 5.32 841.41.92 fTQq0.000008871 0 58wQqg14(m)-4(ee(the)]Tnts)-5(f)',
      ),
    ).toBe('There are bilateral, multilat');
  });
  it('keeps legal references that look a little like it', () => {
    const s = 'in line with Article 10(2) of the Directive and Article 433quinquies §5 of the Code';
    expect(stripPdfGarbage(s)).toBe(s);
  });
});
