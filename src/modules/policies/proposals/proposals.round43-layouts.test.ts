/**
 * The twenty-ninth session's layouts: a guide to families known by its subtitle under the school's name ("A guide for
 * parents and carers"), where "please tell the class teacher" is advice to a parent; and a page of questions, where the
 * answer under a question takes its kind from it ("…a member of staff is worried about something my child says online?"
 * then "All staff must tell the DSL straight away").
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

describe('a guide to families known by its subtitle', () => {
  const guide = (subtitle: string) =>
    [
      'OAKWELL PRIMARY SCHOOL',
      'Mill Lane, Oakwell',
      '',
      'Photographs and staying safe online',
      '',
      subtitle,
      '',
      'If your child sees something upsetting online, please tell the class teacher the same day if you can.',
    ].join('\n');

  it.each(['A guide for parents and carers', 'Information for families', 'A short guide for parents / Canllaw i rieni'])('"%s"', (subtitle) => {
    expect(proposals(guide(subtitle))).not.toHaveProperty(['concerns.routes.inappropriate-content.notify']);
  });

  it('a guide for staff is still read', () => {
    const text = guide('A guide for staff')
      .replace('If your child sees', 'If a pupil sees')
      .replace(', please tell', ', staff must tell')
      .replace(' if you can', '');
    expect(proposals(text)).toHaveProperty(['concerns.routes.inappropriate-content.notify'], ['class-teacher']);
  });
});

describe('the answer under a question', () => {
  it.each([
    ['**…a member of staff is worried about something my child says or does online?**', ''],
    ['What happens if a member of staff is worried about a child they teach?', ''],
    ['What happens if a member of staff is worried about a child they teach?', '\n'],
  ])('%s', (question, gap) => {
    const text = `Questions and answers\n\n${question}\n${gap}All staff must tell the DSL straight away, and always before the end of that day.`;
    expect(proposals(text)).toMatchObject({
      'concerns.routes.safeguarding.notify': ['dsl'],
      'concerns.routes.safeguarding.immediate': true,
      'concerns.routes.safeguarding.deadline': 'same-day',
    });
  });

  it('a long paragraph ending in a question is no question the next answers', () => {
    const text = [
      'Introduction',
      '',
      'We have thought hard about how the school uses technology, how pupils learn to stay safe, how staff keep their own accounts private and how families can help at home, so what does this mean for you?',
      'All staff must tell the DSL straight away.',
    ].join('\n');
    expect(proposals(text)).not.toHaveProperty(['concerns.routes.safeguarding.notify']);
  });
});

describe('a naming column in a Markdown table, and in two languages', () => {
  it.each([
    ['| Where | Photo | Name |', '| School website | With consent | Never |', '| School Facebook page | With consent | No names |'],
    [
      '| Where / Gdzie | Photo / Zdjęcie | Name / Imię |',
      '| School website / Strona szkoły | With consent / Za zgodą | Never / Nigdy |',
      '| School Facebook page / Facebook | With consent / Za zgodą | Never / Nigdy |',
    ],
  ])('%s', (header, website, facebook) => {
    const found = proposals(['Where photos may appear', '', header, '|---|---|---|', website, facebook].join('\n'));
    expect(found).toHaveProperty(['photos.channels.website.naming'], 'none');
    expect(found).toHaveProperty(['photos.channels.social-media.naming'], 'none');
  });

  it('"Never without your consent" is a condition, not a rule', () => {
    const text = ['| Where | Photo | Name |', '|---|---|---|', '| School website | With consent | Never without your consent |'].join('\n');
    expect(proposals(text)).not.toHaveProperty(['photos.channels.website.naming']);
  });
});

describe('a consent column in a Markdown table', () => {
  it("reads the rows under the header's rule", () => {
    const text = ['Photographs', '', '| Use of photographs | Consent needed? |', '|---|---|', '| School website | Yes |', '| School newsletter | Yes |'].join(
      '\n',
    );
    const found = proposals(text);
    expect(found).toHaveProperty(['consent.purposes.website.active'], true);
    expect(found).toHaveProperty(['consent.purposes.publications.active'], true);
  });
});

describe("a naming column with the school's other language first", () => {
  it('"Enw / Name" over "Byth / Never"', () => {
    const text = [
      '| Defnydd / Use | Enw / Name |',
      '|---|---|',
      '| Gwefan yr ysgol / School website | Byth / Never |',
      '| Facebook yr ysgol / School Facebook page | Byth / Never |',
    ].join('\n');
    const found = proposals(text);
    expect(found).toHaveProperty(['photos.channels.website.naming'], 'none');
    expect(found).toHaveProperty(['photos.channels.social-media.naming'], 'none');
  });
});
