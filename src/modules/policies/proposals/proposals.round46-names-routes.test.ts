/**
 * The thirty-second session's readings: how often a channel names pupils is not whether ("In the newsletter we sometimes use
 * a first name"), with the family's refusal as their say ("…unless you have said no on the form"); a list with no lead
 * under a paragraph that opens with its scenario; someone passed over in an incident table's cell ("Headteacher (not
 * DSL)"); an adult working in the school, and an adult's behaviour towards a child, as concerns about staff; and "e.g." as
 * the opening of examples.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

describe('a channel that sometimes names pupils by first name', () => {
  it('"In the newsletter we sometimes use a first name" gives first names', () => {
    const text = 'In the newsletter we sometimes use a first name with a photograph, for example "Well done to Ruby in Year 3".';
    expect(proposals(text)).toHaveProperty(['photos.channels.newsletter.naming'], 'first-names');
  });

  it('"The printed newsletter sometimes names children by first name and class"', () => {
    expect(proposals('The printed newsletter sometimes names children by first name and class.')).toHaveProperty(
      ['photos.channels.newsletter.naming'],
      'first-names',
    );
  });

  it('the family saying no is their say, not a condition on the rule', () => {
    const text = "In the newsletter we sometimes use children's first names beside a photograph, unless you have said no on the form.";
    expect(proposals(text)).toHaveProperty(['photos.channels.newsletter.naming'], 'first-names');
  });

  it('what is done "at the moment", before a change, is no rule', () => {
    expect(proposals("We sometimes use children's first names in our Instagram posts.")).toHaveProperty(['photos.channels.social-media.naming'], 'first-names');
    expect(proposals("At the moment we sometimes use children's first names in our Instagram posts.")).not.toHaveProperty([
      'photos.channels.social-media.naming',
    ]);
  });

  it('what newspapers sometimes do is theirs, not the school rule', () => {
    expect(proposals('Newspapers use first names only in their captions.')).toHaveProperty(['photos.channels.press.naming'], 'first-names');
    expect(proposals('Newspapers sometimes use first names only in their captions.')).not.toHaveProperty(['photos.channels.press.naming']);
  });

  it('"social media" is a channel, not the press', () => {
    expect(proposals("On social media we sometimes use children's first names.")).toHaveProperty(['photos.channels.social-media.naming'], 'first-names');
  });
});

describe('a list with no lead under a paragraph that opens with its scenario', () => {
  it("takes the paragraph's concern", () => {
    const text = [
      'D2. IF A MESSAGE SAYS A TEACHER HAS HURT A PUPIL, it is an allegation, whatever you think of it. It is not dealt with by the form tutor.',
      '',
      '   - Tell the Principal straight away, in person if possible.',
      '   - Do not question the member of staff yourself.',
    ].join('\n');
    const found = proposals(text);
    expect(found).toHaveProperty(['concerns.routes.staff-misuse.notify'], ['headteacher']);
    expect(found).toHaveProperty(['concerns.routes.staff-misuse.immediate'], true);
  });

  it('a paragraph that names another kind after its opening gives the list none', () => {
    const text = [
      "Worries about a colleague's conduct online are always taken seriously. Online bullying is dealt with by the Head of Year.",
      '',
      '   - Tell the Principal straight away.',
    ].join('\n');
    const found = proposals(text);
    expect(found).not.toHaveProperty(['concerns.routes.staff-misuse.notify']);
    expect(found).not.toHaveProperty(['concerns.routes.cyber-bullying.notify']);
  });
});

describe('incident tables', () => {
  it('someone passed over in the cell of those told is not told', () => {
    const text = [
      '| What | Who tells | Who is told | By when |',
      '|---|---|---|---|',
      '| Concern about a member of staff or volunteer | Staff | Head Teacher (not DSL) | Immediately |',
    ].join('\n');
    expect(proposals(text)).toHaveProperty(['concerns.routes.staff-misuse.notify'], ['headteacher']);
  });

  it('"Anything about an adult working in the school" is a concern about staff', () => {
    const text = [
      '| Concern | Tell | When |',
      '|---|---|---|',
      '| Anything about an adult working in the school (including messages to pupils) | Headteacher | Immediately |',
    ].join('\n');
    expect(proposals(text)).toHaveProperty(['concerns.routes.staff-misuse.notify'], ['headteacher']);
  });

  it('an adult\'s behaviour towards a child, with friend requests among the examples after "e.g."', () => {
    const text = [
      '| What has happened | Who you tell | How fast |',
      '|---|---|---|',
      "| Adult's online conduct towards a pupil is worrying (staff, volunteers) – e.g. messaging a pupil, friend requests | Headteacher | Immediately |",
    ].join('\n');
    const found = proposals(text);
    expect(found).toHaveProperty(['concerns.routes.staff-misuse.notify'], ['headteacher']);
    expect(found).not.toHaveProperty(['concerns.routes.contact-attempt.notify']);
  });
});
