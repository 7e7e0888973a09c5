/**
 * The twenty-third session's readings, each written as a paraphrase of what the keyed sets say, with a case that keeps
 * the reading from going too far.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

describe('grooming, when it is what the sentence is about, is an adult contacting a pupil', () => {
  it('"being groomed online" routes the contact', () => {
    const read = proposals('If you think a pupil is being groomed online, tell the Designated Safeguarding Lead the same day.');
    expect(read).toHaveProperty(['concerns.routes.contact-attempt.notify'], ['dsl']);
    expect(read).toHaveProperty(['concerns.routes.contact-attempt.deadline'], 'same-day');
    expect(read).not.toHaveProperty(['concerns.routes.safeguarding.notify']);
  });

  it('but grooming given as an example of harm is the safeguarding route alone', () => {
    const read = proposals(
      'Any concern that a pupil may be at risk of harm online, for example grooming, sextortion or radicalisation, must go to the DSL at once.',
    );
    expect(read).toHaveProperty(['concerns.routes.safeguarding.notify'], ['dsl']);
    expect(read).not.toHaveProperty(['concerns.routes.contact-attempt.notify']);
  });

  it('a disclosure of online abuse is a safeguarding concern', () => {
    expect(proposals('A disclosure of online abuse must be passed to the Designated Safeguarding Lead immediately.')).toHaveProperty(
      ['concerns.routes.safeguarding.immediate'],
      true,
    );
  });
});

describe('a consent form’s list of uses', () => {
  it('is read when the section, not the lead, says the form is about photographs', () => {
    const page = [
      'Permission from families',
      '',
      'We will not share a photograph of any child without the permission of a parent or carer.',
      '',
      'Permission is collected each autumn on the data check form. The form asks separately about:',
      '',
      '- the school website',
      '- our Instagram account',
      '- the local paper',
    ].join('\n');
    const read = proposals(page);
    expect(read).toHaveProperty(['consent.purposes.website.active'], true);
    expect(read).toHaveProperty(['consent.purposes.social-media.active'], true);
    expect(read).toHaveProperty(['consent.purposes.press.active'], true);
  });

  it('but not when nothing in the section is about images', () => {
    const page = [
      'Contact details',
      '',
      'We keep the details you give us up to date. Permission is collected each autumn on the data check form. The form asks separately about:',
      '',
      '- the school website login',
      '- our Instagram account',
    ].join('\n');
    expect(proposals(page)).not.toHaveProperty(['consent.purposes.website.active']);
  });

  it('"may give or refuse consent separately for each of the following" asks about each use', () => {
    const page = [
      'Use of images',
      '',
      'Parents may give or refuse consent separately for each of the following:',
      '(a) the School website;',
      '(b) local, national and specialist press;',
      '(c) class and individual photographs taken by the school photographer.',
    ].join('\n');
    const read = proposals(page);
    expect(read).toHaveProperty(['consent.purposes.website.active'], true);
    expect(read).toHaveProperty(['consent.purposes.press.active'], true);
    expect(read).toHaveProperty(['consent.purposes.class-photo.active'], true);
  });
});

describe('a school that does not use social media', () => {
  it('is not one that does not use it as the only way of telling families', () => {
    expect(proposals("We don't use social media as the only way of telling families anything urgent.")).not.toHaveProperty([
      'consent.purposes.social-media.active',
    ]);
  });

  it('nor one whose tablets have no social media apps', () => {
    expect(proposals('Nursery tablets do not have social media apps, personal email or messaging apps on them.')).not.toHaveProperty([
      'consent.purposes.social-media.active',
    ]);
  });

  it('still is one that says so', () => {
    expect(proposals('The school does not have any social media accounts.')).toHaveProperty(['consent.purposes.social-media.active'], false);
  });
});

describe('a table of uses under a consent form’s lead', () => {
  it('each row is a use the form asks about', () => {
    const page = [
      'Photographs: your choices',
      '',
      'When your child joins us you fill in the image consent form. You can choose YES or NO for each of the following:',
      '',
      '| Use | What this means |',
      '|-----|-----------------|',
      '| In school | Classroom displays and learning journals |',
      '| Our website | News pages and the gallery |',
      '| Newspapers | The local paper, when it visits |',
    ].join('\n');
    const read = proposals(page);
    expect(read).toHaveProperty(['consent.purposes.displays.active'], true);
    expect(read).toHaveProperty(['consent.purposes.website.active'], true);
    expect(read).toHaveProperty(['consent.purposes.press.active'], true);
  });

  it('"There are four options, each ticked separately:" over lettered rows', () => {
    const page = [
      'Consent',
      '',
      'Parents complete the image consent section of the acceptance form. There are four options, each ticked separately:',
      '| Option | Covers |',
      '| A – Internal | displays and the year book |',
      '| B – Online | the website |',
      '| C – Social media | all official social accounts |',
    ].join('\n');
    const read = proposals(page);
    expect(read).toHaveProperty(['consent.purposes.website.active'], true);
    expect(read).toHaveProperty(['consent.purposes.social-media.active'], true);
  });

  it('not a table whose own column says which uses need no consent', () => {
    const page = [
      'Photographs',
      '',
      'The photograph consent form asks separately about:',
      '| Use | Consent needed? |',
      '| School website | Yes |',
      '| Classroom displays | No |',
    ].join('\n');
    const read = proposals(page);
    expect(read).toHaveProperty(['consent.purposes.website.active'], true);
    expect(read).not.toHaveProperty(['consent.purposes.displays.active']);
  });

  it('not a table far below the lead', () => {
    const page = [
      'Photographs',
      '',
      'The photograph consent form asks separately about:',
      '',
      'We keep the forms in the office.',
      '',
      'Staff must record every request.',
      '',
      '| Where | Names |',
      '| School website | First names |',
    ].join('\n');
    expect(proposals(page)).not.toHaveProperty(['consent.purposes.website.active']);
  });
});

describe('naming beside photographs', () => {
  it('names kept out of file names and alt text are no naming rule', () => {
    expect(proposals("We do not use pupils' names in image file names or in the alt text of images on the website.")).not.toHaveProperty([
      'photos.channels.website.naming',
    ]);
  });

  it('a table row giving a first name, and a full name with the family’s say, sets neither', () => {
    const table = [
      '| Channel | Names | Notes |',
      '| College website news | First name + course | Full name only with the signed Appendix 1 form |',
      '| Prospectus | No names | Reprinted each year |',
    ].join('\n');
    const read = proposals(table);
    expect(read).not.toHaveProperty(['photos.channels.website.naming']);
    expect(read).toHaveProperty(['photos.channels.prospectus.naming'], 'none');
  });

  it('but "never a full name with a photo" is still first names', () => {
    const table = [
      '| Where | What we do |',
      '| School website | First names only - never a full name with a photo |',
      '| School Facebook page | No names at all, no tagging |',
    ].join('\n');
    expect(proposals(table)).toHaveProperty(['photos.channels.website.naming'], 'first-names');
  });
});

describe('the approving body, as the text names it', () => {
  it.each([
    ['Approved by: Local Academy Council', 'Local Academy Council'],
    ['Approved by: Local Academy Board (LAB), Safeguarding & Standards Committee', 'Local Academy Board'],
    ['This policy was adopted by Ashcombe Village Pre-School Committee.', 'Ashcombe Village Pre-School Committee'],
    ['Approved by: Pupil Welfare, Ethos and Community Committee', 'Pupil Welfare, Ethos and Community Committee'],
    ['Approved by the Teaching, Learning and Standards Committee.', 'Teaching, Learning and Standards Committee'],
    ['Approved by: Academy Council', 'Academy Council'],
  ])('%s', (line, body) => {
    expect(proposals(`Online Safety Policy\n\n${line}`)).toHaveProperty(['policyReview.approvingBody'], body);
  });
});

describe('concerns about staff, and showing a post to someone', () => {
  it('"concerns about another member of staff" are concerns about staff', () => {
    expect(proposals('Concerns about another member of staff must be reported to the Headteacher.')).toHaveProperty(
      ['concerns.routes.staff-misuse.notify'],
      ['headteacher'],
    );
  });

  it('"concerns about staff conduct online" too, but not low-level concerns, which have a process of their own', () => {
    expect(proposals('Concerns about staff conduct online are reported to the Principal the same day.')).toHaveProperty(
      ['concerns.routes.staff-misuse.notify'],
      ['headteacher'],
    );
    expect(proposals('Low-level concerns about staff conduct online are passed to the Deputy Head.')).not.toHaveProperty([
      'concerns.routes.staff-misuse.notify',
    ]);
  });

  it('"show it to the Headteacher" tells the Headteacher', () => {
    expect(
      proposals('If staff see a post about the school that is abusive or untrue, they should not reply but should show it to the Headteacher.'),
    ).toHaveProperty(['concerns.routes.disparaging-content.notify'], ['headteacher']);
  });
});

describe('the head approves what a channel carries', () => {
  it.each([
    ['The Principal signs off anything going to the press or TV.', 'press'],
    ['The Headteacher must agree anything going to the press.', 'press'],
    ['Nothing is posted on the Facebook page without the Headteacher agreeing to it.', 'social-media'],
    ['Mrs Begum, our Headteacher, says yes or no to every photo before it goes on the website.', 'website'],
  ])('%s', (sentence, channel) => {
    expect(proposals(sentence)).toHaveProperty([`photos.channels.${channel}.headteacherApproval`], true);
  });

  it('but not anything going to the press that a parent sends', () => {
    expect(proposals('Parents must agree anything going to the press with the school office first.')).not.toHaveProperty([
      'photos.channels.press.headteacherApproval',
    ]);
  });
});
