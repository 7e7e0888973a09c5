/**
 * The forty-sixth session. A telling on the condition that a pupil saw what the sentence before was about adds to that
 * sentence's list: "If something gets through the filter …, tell Mr Hartley. If a pupil has seen it, also tell the
 * designated person." routes unsuitable content to both. "The website, Facebook page and X account are run by the School
 * Business Manager" gives the next sentence's "every post" those channels. "Photographs may be used in school displays …
 * without specific consent" is a use without consent; with "but … who do not want this should let … know", one carers
 * opt out of.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';
import { proposeSettings } from './engine.ts';

describe('told besides, if a pupil saw it', () => {
  it('"If a pupil has seen it, also tell the designated person" after the technician\'s telling: both', () => {
    const text =
      "If something gets through the filter that shouldn't have, close the page, note the time and address, and tell the network manager. If a pupil has seen it, also tell the designated person.";
    expect(proposals(text)).toHaveProperty(['concerns.routes.inappropriate-content.notify'], ['ict-lead', 'dsl']);
  });

  it('"Where a student has seen harmful content, the DSL must also be told": both', () => {
    const text =
      'If staff become aware that inappropriate content has got past the filtering, they must report this to the Network Manager through the IT helpdesk. Where a student has seen harmful content, the DSL must also be told.';
    expect(proposals(text)).toHaveProperty(['concerns.routes.inappropriate-content.notify'], ['ict-lead', 'dsl']);
  });

  it('"The DSL must be told if a child has seen the content", with no "also": both', () => {
    const text =
      'If a child sees something upsetting on a school device, switch off the screen, write down the time and tell the Online Safety Lead, who will ask our provider to block the site. The DSL must be told if a child has seen the content.';
    expect(proposals(text)).toHaveProperty(['concerns.routes.inappropriate-content.notify'], ['ict-lead', 'dsl']);
  });

  it('on its own, with no telling before it: the one list it names', () => {
    const text = 'If a pupil has seen harmful content on a school device, tell the DSL the same day.';
    expect(proposals(text)).toMatchObject({ 'concerns.routes.inappropriate-content.notify': ['dsl'] });
  });

  it('a telling far before it on the page is not joined (a guard)', () => {
    const text = [
      "If something gets through the filter that shouldn't have, tell the network manager.",
      '',
      'Pupils learn about staying safe online in every year group. Lessons follow the Education for a Connected World framework.',
      'Parents are sent a newsletter each term. It covers the apps children use most.',
      '',
      'Where a pupil has seen harmful content, the DSL must also be told.',
    ].join('\n');
    expect(proposals(text)).toHaveProperty(['concerns.routes.inappropriate-content.notify'], ['ict-lead']);
  });

  it('a telling in place of the one before, or none at all, is not added (guards)', () => {
    expect(proposals('Report any unsuitable content to the network manager. If a pupil has seen it, tell the DSL instead.')).toHaveProperty(
      ['concerns.routes.inappropriate-content.notify'],
      ['ict-lead'],
    );
    expect(
      proposals(
        'Unsuitable websites should be reported to the IT technician so they can be blocked. If a child has seen the site, the class teacher will talk to them; there is no need to tell the DSL.',
      ),
    ).toHaveProperty(['concerns.routes.inappropriate-content.notify'], ['ict-lead']);
  });

  it('a sentence in another paragraph is not added to the list above it, first in its paragraph or not (guards)', () => {
    for (const between of ['', 'Pupils learn about staying safe online in every year group. '])
      expect(
        proposals(
          `Unsuitable websites found by staff should be reported to the network manager.\n\n${between}Where a child has seen upsetting material, the class teacher should also be told.`,
        ),
        between,
      ).toHaveProperty(['concerns.routes.inappropriate-content.notify'], ['ict-lead']);
  });

  it('a restricted kind: an addition of someone who may not see it is left out, and the route stands (a guard)', () => {
    const text = 'If a pupil discloses abuse, tell the DSL immediately. If a pupil has seen it happen, also tell the class teacher.';
    expect(proposals(text)).toHaveProperty(['concerns.routes.safeguarding.notify'], ['dsl']);
  });

  it('with no list just before it to join, "also tell the DSL" is a step on a condition, not the route (a guard)', () => {
    const text = 'If a pupil is being bullied online, tell their Head of Year. If a pupil has seen it, also tell the DSL.';
    expect(proposals(text)).not.toHaveProperty(['concerns.routes.cyber-bullying.notify']);
  });

  it("the added telling's haste is not the route's; the page quotes both sentences (guards)", () => {
    const text = 'If something gets through the filter, tell the network manager by the end of the day. If a pupil has seen it, also tell the DSL immediately.';
    const found = proposeSettings(text).proposals;
    expect(found.find((p) => p.setting === 'concerns.routes.inappropriate-content.notify')).toMatchObject({
      value: ['ict-lead', 'dsl'],
      quote: expect.stringContaining('also tell the DSL immediately'),
    });
    expect(found.map((p) => p.setting)).not.toContain('concerns.routes.inappropriate-content.immediate');
  });

  it('"…the DSL must also be told" on another condition is an escalation, not a route (a guard)', () => {
    const text =
      'If an image is published without consent, report it to the Data Protection Lead. If the breach has a safeguarding element the DSL must also be told immediately.';
    expect(proposals(text)).not.toHaveProperty(['concerns.routes.safeguarding.notify']);
  });
});

describe('the channels a paragraph says someone runs', () => {
  it('"…are run by the School Business Manager. Every post … must be approved by the Headteacher": each channel, and publishing', () => {
    const text =
      '30. The website, Facebook page and X account are run by the School Business Manager (Mrs D. Rourke). Every post with an image of a pupil must be approved by the Headteacher, or the Deputy Headteacher when she is not in school, before it goes up.';
    expect(proposals(text)).toMatchObject({
      'photos.channels.website.headteacherApproval': true,
      'photos.channels.social-media.headteacherApproval': true,
      'decisions.photoPublication': ['headteacher'],
    });
  });

  it('"Our Facebook page is managed by the office. Pupils are never named in full": the page\'s naming rule', () => {
    const text = 'Our Facebook page is managed by the office. Pupils are never named in full: first names only.';
    expect(proposals(text)).toHaveProperty(['photos.channels.social-media.naming'], 'first-names');
  });

  it("a page someone outside the school runs is no scope for the school's rules (guards)", () => {
    for (const owner of [
      'The local newspaper website is run by the Echo news team.',
      "The county council website is run by the council's communications team.",
      'The Old Students Association Facebook page is run by a former teacher.',
    ])
      expect(proposals(`${owner} Pupils are never named in full: first names only.`), owner).toEqual({});
  });

  it("the school's own \"Parents page\" is the school's (a guard against reading it as parents' own)", () => {
    const text = 'Photographs of school trips are posted on the Parents page of our website. Every post must be approved by the Headteacher before it goes up.';
    expect(proposals(text)).toHaveProperty(['photos.channels.website.headteacherApproval'], true);
  });

  it('a page run by someone else ("The PTA page is run by parents"): no scope for the school\'s posts (a guard)', () => {
    const text = "The PTA's Facebook page is run by parent volunteers. Every post must be approved by the Headteacher before it goes up.";
    expect(proposals(text)).not.toHaveProperty(['photos.channels.social-media.headteacherApproval']);
  });
});

describe('a use said to go ahead "without specific consent"', () => {
  it('"Photographs may be used in school displays … without specific consent": the school\'s public task', () => {
    const text = '- Photographs may be used in school displays and learning journals (Tapestry/Seesaw) without specific consent.';
    expect(proposals(text)).toHaveProperty(['consent.purposes.displays.basis'], 'public-task');
  });

  it('"…but pupils or parents who do not want this should let their teacher know": opt-out', () => {
    const text =
      "- Pupils' photographs may be used within the school (displays, the yearbook) without specific consent as part of normal school life, but pupils or parents/carers who do not want this should let their Pastoral teacher know.";
    expect(proposals(text)).toHaveProperty(['consent.purposes.displays.basis'], 'opt-out');
  });

  it('carers told they may say no, in other words: opt-out', () => {
    for (const but of [
      'but any parent who does not want this should let the office know',
      'but parents who would rather their child was not shown should tell the office',
      'but you can tell us if you do not want this',
    ])
      expect(proposals(`Photographs may be used in school displays without specific consent, ${but}.`), but).toHaveProperty(
        ['consent.purposes.displays.basis'],
        'opt-out',
      );
  });

  it('consent said another way, or ruled out, is no use without consent (guards)', () => {
    for (const text of [
      'No photograph will be used in displays without specific consent.',
      'Photographs may be used in school displays, but never without specific consent.',
      'Once parents have signed the consent form on entry, photographs may be used in displays without specific consent being asked for each time.',
    ])
      expect(proposals(text), text).not.toHaveProperty(['consent.purposes.displays.basis']);
  });

  it('staff who would rather not be shown are not carers opting out (a guard)', () => {
    const text =
      'Photographs may be used in school displays without specific consent, but staff who do not want their own photograph displayed should tell the office.';
    expect(proposals(text)).toHaveProperty(['consent.purposes.displays.basis'], 'public-task');
  });

  it('"may not be used … without specific consent" asks for consent (a guard)', () => {
    const text = 'Photographs may not be used in displays without specific consent.';
    expect(proposals(text)).not.toHaveProperty(['consent.purposes.displays.basis']);
  });

  it('a use outside school said to need no consent is not proposed as one (a guard)', () => {
    const text = 'Photographs may be used on the school website without specific consent.';
    expect(proposals(text)).not.toHaveProperty(['consent.purposes.website.basis']);
  });
});
