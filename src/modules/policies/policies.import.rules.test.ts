import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { linesToDrop, looksLikeHeading, outOfDateLines, parsePolicyText } from './policies.import.rules.ts';

const seed = (name: string) => readFileSync(new URL(`../../../test/fixtures/policies/${name}.txt`, import.meta.url), 'utf8');

describe('reading the four seed policies', () => {
  it('000 John Clifford: title, "Date of review April 2017", "Signed Mick Saunders", sections A–D; no approval or next review', () => {
    const found = parsePolicyText(seed('000_900ebe4bba8b35d7'));
    expect(found).toMatchObject({
      title: 'Social Media Policy',
      approvedOn: null,
      approvingBody: null,
      lastReviewed: 'April 2017',
      nextReviewDue: null,
      signatories: [{ name: 'Mick Saunders', role: null, date: null }],
      links: [],
    });
    expect(found.headings).toEqual([
      'A. The use of social media within school',
      'B. The use of social networking by staff and governors in a personal capacity',
      'C. The use of social media by parents, carers and guardians',
      'D. The use of mobile phones and digital photography',
    ]);
  });

  it('001 Low Ash: the school’s name kept in the title; approved by the Governing Body 20.10.21, reviewed 21.10.21, next review Autumn 2022, three unsigned signatory lines, an introduction and 11 sections', () => {
    const found = parsePolicyText(seed('001_39f3c72a91680229'));
    expect(found).toMatchObject({
      title: 'Social Media Policy — Low Ash Primary School',
      approvedOn: '2021-10-20',
      approvingBody: 'The Governing Body',
      lastReviewed: '2021-10-21',
      nextReviewDue: 'Autumn 2022',
      signatories: [
        { name: null, role: 'Chair of Governors', date: null },
        { name: null, role: 'Co-Headteacher', date: null },
        { name: null, role: 'Co-Headteacher', date: null },
      ],
    });
    expect(found.headings).toHaveLength(12);
    expect(found.headings[0]).toBe('Introduction');
    expect(found.headings[1]).toBe('1. Scope and Purpose of the Policy');
    expect(found.headings[11]).toBe('11. Monitoring and Review of this Policy');
  });

  it('003 Wendover: Markdown title, review Autumn 2015, next review Autumn 2018, its linked policies; nobody signed', () => {
    const found = parsePolicyText(seed('003_efa9659321415c13'));
    expect(found).toMatchObject({
      title: 'Use of Social Media & Networking Policy',
      approvedOn: null,
      lastReviewed: 'Autumn 2015',
      nextReviewDue: 'Autumn 2018',
      signatories: [],
      links: ['Use of Mobile Phones', 'Staff Code of Conduct', 'Anti-Bullying', 'Use of Photographs'],
    });
    expect(found.headings).toEqual(['Rationale', 'Aims', '1 Objectives', '2 The use of Social Media and Networking', 'Linked Policies']);
  });

  it('004 Trent: the school name is not the title; the head and chair signed (the latest signing, May 2017, counts); no dates of approval or review', () => {
    const found = parsePolicyText(seed('004_153aa0418b67876c'));
    expect(found).toMatchObject({
      title: 'Social Media Policy',
      approvedOn: null,
      lastReviewed: null,
      nextReviewDue: null,
      signatories: [
        { name: 'Louise Yarwood', role: 'Headteacher', date: 'May 2017' },
        { name: 'Ruth Taylor', role: 'Chair of Governors', date: 'May 2017' },
      ],
    });
    expect(found.headings).toEqual([
      'Statement of Intent',
      'Key roles and responsibilities',
      "2. The school's E-safety team and network manager",
      '3. Definitions',
      '4. Training of staff',
      '5. Pupil expectations',
      '6. Social media use – staff',
      '7. Social Media Use – pupils and parents / carers',
      '8. Blocked content',
      '9. Cyber bullying',
      '10. Be SMART Online',
    ]);
  });

  it('marks the headings it found as Markdown headings, keeping every line of text but the contents list and its page numbers', () => {
    const found = parsePolicyText(seed('001_39f3c72a91680229'));
    expect(found.markdown.startsWith('# Social Media Policy — Low Ash Primary School\n')).toBe(true);
    expect(found.markdown).toContain('\n## Introduction\n');
    expect(found.markdown).toContain('\n## 9. Cyber Bullying\n');
    expect(found.markdown).toContain('All cases of online bullying will be dealt with');
    expect(found.markdown).not.toMatch(/Contents|page 3/);
    const trent = parsePolicyText(seed('004_153aa0418b67876c')).markdown;
    expect(trent).not.toContain('[Blocked content access form](#)');
    expect(trent).toContain('\n## Statement of Intent\n');
  });

  it('flags a date of next review in the text that has passed, or that the register contradicts', () => {
    const wendover = parsePolicyText(seed('003_efa9659321415c13')).markdown;
    expect(outOfDateLines(wendover, '2026-12-01')).toEqual([{ line: 'Date of next review: Autumn 2018', reason: 'Autumn 2018 has passed' }]);
    expect(outOfDateLines('Next review due: Summer 2028', '2026-12-01', { due: '2027-09-01', text: '1 September 2027' })).toEqual([
      { line: 'Next review due: Summer 2028', reason: 'the register says the next review is 1 September 2027' },
    ]);
    expect(outOfDateLines('Next review due: Autumn 2027', '2026-12-01', { due: '2027-09-01', text: '1 September 2027' })).toEqual([]);
    expect(outOfDateLines('We reviewed behaviour in 2018 and again in 2019.', '2026-12-01')).toEqual([]);
  });
});

describe('what is not there is not invented', () => {
  it.each([
    ['an empty file', '', { title: null, approvedOn: null, lastReviewed: null, nextReviewDue: null, signatories: [], headings: [] }],
    ['a title alone', 'Acceptable Use Policy\n\nPupils use computers sensibly.', { title: 'Acceptable Use Policy', approvedOn: null, signatories: [] }],
    [
      'a date in a sentence of the body',
      'Behaviour Policy\n\nOn 12.03.19 the governors met to discuss lots of things that are not about approval at all.',
      { approvedOn: null },
    ],
    [
      'a ratified date and a next review date',
      'Anti-Bullying Policy\nRatified on: 3 March 2024\nReview date: March 2025',
      { approvedOn: '2024-03-03', nextReviewDue: 'March 2025' },
    ],
    [
      'a signature line with a name, role and date',
      'Complaints Policy\n\nSigned:\tJane Smith\tChair of Governors\t01.09.23',
      { signatories: [{ name: 'Jane Smith', role: 'Chair of Governors', date: '2023-09-01' }] },
    ],
  ])('%s', (_, text, expected) => {
    expect(parsePolicyText(text)).toMatchObject(expected);
  });
});

describe('headings written without numbers', () => {
  const paragraph = 'Staff must not accept friend requests from pupils or from their parents on any social network.';
  it.each([
    ['Introduction', paragraph, true],
    ['Roles and responsibilities', '- The headteacher makes sure staff are trained.', true],
    ['Monitoring and review', paragraph, true],
    ['This policy was agreed by the staff.', paragraph, false],
    ['We are committed to:', '- Protecting our pupils.', false],
    ['John Clifford Primary School', paragraph, false],
    ['Policy Created in 2017', paragraph, false],
    ['Chair of Governors', paragraph, false],
    ['Ruth Taylor', paragraph, false],
    ['lower case line', paragraph, false],
    ['Document History', 'Policy Created in 2017', false],
    ['Introduction', undefined, false],
  ])('“%s” then “%s”: %s', (line, next, expected) => expect(looksLikeHeading(line, next)).toBe(expected));

  it('drops the contents list and page numbers standing alone, and nothing else', () => {
    const lines = ['Contents:', '', '1.\tScope\tpage 3', '2.\tMonitoring\tpage 4', '', 'Scope', '', 'Some text.', '', 'Page 3', '', '12 pupils took part.'];
    expect([...linesToDrop(lines)]).toEqual([9, 0, 2, 3]);
  });
});

describe('text no policy is written in', () => {
  it('a line of 500,000 spaces between two words is read in well under a second (107 s before), its words kept', () => {
    const started = performance.now();
    const found = parsePolicyText(`Online Safety Policy\n\nPhotographs${' '.repeat(500_000)}are deleted.\n`);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(found.title).toBe('Online Safety Policy');
    expect(found.markdown).toContain('are deleted.');
  });
});
