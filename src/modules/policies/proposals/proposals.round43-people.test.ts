/**
 * The twenty-ninth session's readings of people: a staff card's line naming a post's holder without a title ("DSL = Helen
 * Tranter (Head)", "Online Safety Lead – Sam Ferreira") and the first name the card then uses ("Tell Helen"); the longest
 * post before a name ("the Deputy Head, Mr Okafor" is the deputy); unkindness about the school; telling left to a decision.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

describe("a staff card's line, and the first name it then uses", () => {
  it('"DSL = Helen Tranter (Head)" then "Tell Helen the same day": both posts', () => {
    const text = [
      'WHO DO I TELL?',
      '',
      'DSL = Helen Tranter (Head)        Office = Sue Pike',
      '',
      'A child tells you that someone they do not know has been messaging them online: tell Helen the same day.',
    ].join('\n');
    expect(proposals(text)).toMatchObject({
      'concerns.routes.contact-attempt.notify': ['dsl', 'headteacher'],
      'concerns.routes.contact-attempt.deadline': 'same-day',
    });
  });

  it('"Online Safety Lead – Sam Ferreira (Computing)" then "report it to Sam"', () => {
    const text = [
      'Key people',
      '',
      'Online Safety Lead – Sam Ferreira (Computing)',
      '',
      'If a pupil sees inappropriate content on a school laptop, report it to Sam.',
    ].join('\n');
    expect(proposals(text)).toHaveProperty(['concerns.routes.inappropriate-content.notify'], ['ict-lead']);
  });

  it('the full name reads as the post too: "tell Rachel Thwaite"', () => {
    const text = ['DSL – Rachel Thwaite', '', 'If a pupil is being bullied online, tell Rachel Thwaite straight away.'].join('\n');
    expect(proposals(text)).toHaveProperty(['concerns.routes.cyber-bullying.notify'], ['dsl']);
  });

  it('a first name the page also writes as a word ("will") is not read as the post', () => {
    const text = ['DSL = Will Hartley', '', 'Staff will log every concern. If a pupil is being bullied online, tell Will.'].join('\n');
    expect(proposals(text)).not.toHaveProperty(['concerns.routes.cyber-bullying.notify']);
  });

  it('"DSL: Assistant Headteacher (Inclusion)" names a post, not a person', () => {
    const text = ['DSL: Assistant Headteacher (Inclusion)', '', 'If a pupil is being bullied online, tell Assistant.'].join('\n');
    expect(proposals(text)).not.toHaveProperty(['concerns.routes.cyber-bullying.notify']);
  });

  it('two posts said of a name in prose still read as neither', () => {
    const text = [
      'Mrs Carter, our Headteacher, is also our Designated Safeguarding Lead (DSL).',
      '',
      'If you are worried about a photograph of your child online, please speak to Mrs Carter.',
    ].join('\n');
    expect(proposals(text)).not.toHaveProperty(['concerns.routes.safeguarding.notify']);
  });
});

describe('the post before a name', () => {
  it('"the Deputy Head, Mr Okafor" is the deputy, not the head', () => {
    const text = [
      'Photographs on the website',
      '',
      'The Deputy Head, Mr Okafor, approves every photograph before it goes on the school website.',
      '',
      'Mr Okafor decides which photographs are published.',
    ].join('\n');
    const found = proposals(text);
    expect(found).not.toHaveProperty(['photos.channels.website.headteacherApproval']);
    expect(found).toHaveProperty(['decisions.photoPublication'], ['deputy-headteacher']);
  });
});

describe('unkindness about the school', () => {
  it.each([
    'Someone is being unkind online about the school: do not reply, screenshot it and tell the Headteacher.',
    'If a parent is being rude on social media about a member of staff, tell the Headteacher. Do not reply.',
  ])('%s', (sentence) => {
    const found = proposals(sentence);
    expect(found).toHaveProperty(['concerns.routes.disparaging-content.notify'], ['headteacher']);
    expect(found).not.toHaveProperty(['concerns.routes.cyber-bullying.notify']);
  });

  it('pupils unkind to each other online is still bullying', () => {
    expect(proposals('If pupils are being unkind online to each other, tell the class teacher.')).toHaveProperty(
      ['concerns.routes.cyber-bullying.notify'],
      ['class-teacher'],
    );
  });
});

describe('telling left to a decision', () => {
  it('"…who will decide with the Principal whether to contact the parent concerned"', () => {
    const text =
      'Posts on social media that are abusive about the academy should be reported to the Vice Principal, who will decide with the Principal whether to contact the parent concerned.';
    const found = proposals(text);
    expect(found).toHaveProperty(['concerns.routes.disparaging-content.notify'], ['deputy-headteacher']);
    expect(found).not.toHaveProperty(['concerns.routes.disparaging-content.tell']);
  });
});

describe('something that gets through the filter', () => {
  it.each([
    'If something gets through the filter on a class iPad, close the lid and tell the Online Safety Lead the same day.',
    'Staff must report any unsuitable site that slips past the school filter to the Online Safety Lead the same day.',
    'A video that got through the filtering must be reported to the Online Safety Lead the same day.',
  ])('%s', (sentence) => {
    expect(proposals(sentence)).toMatchObject({
      'concerns.routes.inappropriate-content.notify': ['ict-lead'],
      'concerns.routes.inappropriate-content.deadline': 'same-day',
    });
  });

  it('a site wrongly blocked is no content that got through', () => {
    expect(proposals('If a site you need for a lesson is blocked by the filter, tell the Online Safety Lead.')).not.toHaveProperty([
      'concerns.routes.inappropriate-content.notify',
    ]);
  });
});

describe('the designated officer by the names Wales and Northern Ireland give the post', () => {
  it.each([
    "The Headteacher will contact the local authority's Designated Lead Officer for Safeguarding in Education on the same working day.",
    "The Headteacher or Chair will contact the Local Authority's professional concerns officer within one working day.",
  ])('%s', (sentence) => {
    const text = `Concerns about a member of staff\n\nAny concern about a member of staff's conduct online must be reported to the Headteacher. ${sentence}`;
    expect(proposals(text)).toHaveProperty(['concerns.routes.staff-misuse.tell'], ['lado']);
  });
});
