/**
 * The thirty-fifth session's first readings, each a proposal lost to a second sentence read wrongly: counts given to a
 * board, a form named "Social Media Request", a report's names, an account "in the name of the school", a list of the names
 * not given, and a yearly sheet that shows carers the answers the school holds.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

describe('whom a concern goes to, beside sentences that name no route', () => {
  it('counts given to a board are oversight, not a route', () => {
    const text = [
      'Any safeguarding concern about a pupil must be reported to the DSL the same day.',
      'The Principal includes the number and type of child protection reports, without names, in the Principal’s report to each meeting of the Board.',
    ].join('\n\n');
    expect(proposals(text)).toHaveProperty(['concerns.routes.safeguarding.notify'], ['dsl']);
  });

  it('a route that mentions a count, with no board, is still read', () => {
    expect(
      proposals('Any child protection concern must be reported to the DSL the same day, and the DSL keeps a log of the number of concerns raised.'),
    ).toHaveProperty(['concerns.routes.safeguarding.notify'], ['dsl']);
  });

  it('"The Board is told at each meeting how many child protection reports were made": a count, before or after the board', () => {
    const text = [
      'Any child protection concern must be reported to the DSL the same day.',
      'The Board of Management is told at each meeting how many child protection reports were made, without names, in the Principal’s report.',
    ].join('\n\n');
    expect(proposals(text)).toHaveProperty(['concerns.routes.safeguarding.notify'], ['dsl']);
  });

  it('a "Social Media Request" form is not a request from the press', () => {
    const text = [
      'Class posts are written by teachers and sent to the Deputy Headteacher on the Social Media Request form.',
      'Any enquiry from a reporter must be passed to the Headteacher.',
    ].join('\n\n');
    expect(proposals(text)).toHaveProperty(['concerns.routes.media-enquiry.notify'], ['headteacher']);
  });

  it('a request from the media still is', () => {
    expect(proposals('All media requests must be passed to the Headteacher.')).toHaveProperty(['concerns.routes.media-enquiry.notify'], ['headteacher']);
  });
});

describe('names that are not a caption rule', () => {
  it('a report with no names, sent to governors, names no channel', () => {
    const text = 'Each incident is logged by the Online Safety Lead, and a summary (with no names) goes to governors every term.';
    const found = proposals(text);
    expect(Object.keys(found).filter((k) => k.endsWith('.naming'))).toEqual([]);
  });

  it('an account "in the name of the school" without the Head’s written permission is no carers’ consent for names', () => {
    const text = 'Staff may not open a social media account in the name of the school or a school team without the Headteacher’s written permission.';
    expect(proposals(text)).not.toHaveProperty(['photos.channels.social-media.naming']);
  });

  it('"– no first names, no surnames, no initials" after a ban on names is every name', () => {
    const text = 'On the school’s Facebook page we never give a child’s name with their photograph – no first names, no surnames and no initials.';
    expect(proposals(text)).toHaveProperty(['photos.channels.social-media.naming'], 'none');
  });
});

describe('how long consent lasts, beside a yearly sheet that asks nothing again', () => {
  it.each([
    'Every September we send home the annual data collection sheet, which lists your current choices; if nothing has changed, we keep the choices we hold.',
    'Each September tutors send home the consent slip with what we hold for your child, so you can correct anything.',
    'Schools re-check consent with all families at the start of each academic year, and new pupils are asked to complete the form.',
    '(Before 2019 consent was collected each year.)',
    'Guidance note: schools may wish to ask parents to renew photo consent every year.',
  ])('"%s" leaves the lasting answer', (second) => {
    const text = ['Photographs of your child', '', 'Your photo consent lasts until your child leaves the school, unless you change it.', second].join('\n');
    expect(proposals(text)).toHaveProperty(['consent.lapse'], 'never');
  });

  it('a form sent again each September to be signed is still a yearly answer', () => {
    const text = ['Photographs of your child', '', 'A new photo consent form is sent home each September and must be signed and returned.'].join('\n');
    expect(proposals(text)).toHaveProperty(['consent.lapse'], 'each-september');
  });
});
