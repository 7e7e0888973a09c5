/**
 * The thirty-seventh session's first readings: an incident log's or a filter request's boxes are no consent form; a
 * question in capitals heads the steps under it, and a bracket closed on its own line heads nothing; a question or a
 * worry about a member of staff in more words; going to someone is telling them.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

describe('boxes that ask a carer nothing', () => {
  it("an incident log's category boxes name no use of photographs", () => {
    const text = [
      'ONLINE INCIDENT LOG',
      'Type of incident (tick all that apply):',
      '  [ ] harmful content seen in class          [ ] online bullying between pupils',
      '  [ ] message from an unknown adult          [ ] photo of a pupil shared without consent',
      '  [ ] under-age account on social media      [ ] other: ______________',
    ].join('\n');
    expect(proposals(text)).not.toHaveProperty(['consent.purposes.social-media.active']);
  });

  it("a filter request's row asks about no use, and the consent rows above it are still read", () => {
    const text = [
      'PHOTOGRAPH CONSENT FORM',
      'Please tick to show whether you give consent for photographs of your child to be used in each of these ways.',
      'In the school newsletter [ ] Yes [ ] No',
      'On the school Facebook page [ ] Yes [ ] No',
      '',
      'APPENDIX 4: FILTERING CHANGE REQUEST',
      'I am asking to: [ ] unblock a website   [ ] block a website',
    ].join('\n');
    const found = proposals(text);
    expect(found).toHaveProperty(['consent.purposes.publications.active'], true);
    expect(found).toHaveProperty(['consent.purposes.social-media.active'], true);
    expect(found).not.toHaveProperty(['consent.purposes.website.active']);
  });

  it("a carer's form with boxes is still read, a short row's words included", () => {
    const text = [
      'PHOTOGRAPH CONSENT FORM',
      'Please tick to show whether you give consent for photographs of your child to be used in each of these ways.',
      'On the school website [ ] Yes [ ] No',
      'On the school Facebook page [ ] Yes [ ] No',
    ].join('\n');
    const found = proposals(text);
    expect(found).toHaveProperty(['consent.purposes.website.active'], true);
    expect(found).toHaveProperty(['consent.purposes.social-media.active'], true);
  });
});

describe('a question in capitals over the steps under it', () => {
  it('the steps under "CONCERNED ABOUT AN ADULT WHO WORKS HERE?" are that route, past a bracket wrapped onto its own line', () => {
    const text = [
      '-------------------------------------------',
      'CONCERNED ABOUT AN ADULT WHO WORKS HERE?',
      '-------------------------------------------',
      '',
      '(teachers, support staff, volunteers, visitors,',
      ' students on placement)',
      '',
      '  ▸ Tell the Head Teacher - Mr Ellis - straight away.',
      '  ▸ Do not tell the adult concerned.',
    ].join('\n');
    const found = proposals(text);
    expect(found).toHaveProperty(['concerns.routes.staff-misuse.notify'], ['headteacher']);
    expect(found).toHaveProperty(['concerns.routes.staff-misuse.immediate'], true);
  });

  it('a question in lower case over a paragraph is no heading of its own', () => {
    const text = ['Concerned about an adult who works here?', '', 'Our staff are trained every year and we keep a record of that training.'].join('\n');
    expect(proposals(text)).not.toHaveProperty(['concerns.routes.staff-misuse.notify']);
  });
});

describe('a worry about a member of staff, in more words', () => {
  it('"What if it\'s about a member of staff…?" then "Go to the Headteacher, not the DSL, and do it the same day."', () => {
    const text = [
      "B2. What if it's about a member of staff, a volunteer or a supply teacher?",
      '',
      "Go to the Headteacher, not the DSL, and do it the same day. If it's about the Headteacher, go to the Chair of Governors.",
    ].join('\n');
    const found = proposals(text);
    expect(found).toHaveProperty(['concerns.routes.staff-misuse.notify'], ['headteacher']);
    expect(found).toHaveProperty(['concerns.routes.staff-misuse.deadline'], 'same-day');
  });

  it('"worried about another member of staff\'s use of technology" is a worry about staff', () => {
    const text = "You are worried about another member of staff's use of technology. Speak to the Principal the same day.";
    expect(proposals(text)).toHaveProperty(['concerns.routes.staff-misuse.notify'], ['headteacher']);
  });

  it('"What if it\'s about a member of staff\'s own child?" is not a worry about staff', () => {
    const text = ["B3. What if it's about a member of staff's own child?", '', 'Go to the DSL the same day, as for any other pupil.'].join('\n');
    expect(proposals(text)).not.toHaveProperty(['concerns.routes.staff-misuse.notify']);
  });

  it('"Go to the Anti-Bullying Policy…" under a question is no one told', () => {
    const text = [
      'What if my child is bullied online?',
      '',
      'Go to the Anti-Bullying Policy on the school website for the steps the class teacher will take.',
    ].join('\n');
    expect(proposals(text)).not.toHaveProperty(['concerns.routes.cyber-bullying.notify']);
  });

  it('"worried about a colleague (including…)" is a worry about staff', () => {
    const text = 'If you are worried about a colleague (including photos kept on their own phone), tell the Headteacher straight away.';
    expect(proposals(text)).toHaveProperty(['concerns.routes.staff-misuse.notify'], ['headteacher']);
  });

  it('"Referrals … should be made within 24 hours" after a safeguarding sentence is no instruction to tell someone', () => {
    const text = [
      'Any member of staff with a concern about a pupil must tell the DSL before the end of the school day.',
      'The DSL decides whether to refer to children’s social care. Referrals should be made within 24 hours of that decision.',
    ].join(' ');
    expect(proposals(text)).toHaveProperty(['concerns.routes.safeguarding.deadline'], 'same-day');
  });
});

describe('concerns told by everyone, staff among them', () => {
  it('"Anyone – staff, students, volunteers or parents – who is worried … must tell the Manager (DSL)" is the route', () => {
    const text = [
      'The Manager is our Designated Safeguarding Lead (DSL).',
      '',
      'Anyone – staff, students, volunteers or parents – who is worried about the way a phone or camera is being used must tell the Manager (DSL) straight away.',
    ].join('\n');
    const found = proposals(text);
    expect(found).toHaveProperty(['concerns.routes.staff-misuse.notify'], ['dsl']);
    expect(found).toHaveProperty(['concerns.routes.staff-misuse.immediate'], true);
  });

  it('parents alone told whom to tell is still advice', () => {
    const text = 'Parents who are worried about the way a phone or camera is being used by a member of staff should tell the Manager straight away.';
    expect(proposals(text)).not.toHaveProperty(['concerns.routes.staff-misuse.notify']);
  });
});

describe('a kind named only on a condition leaves the heading’s', () => {
  it('"…and the DSL where there is a safeguarding concern" does not stop the heading’s kind for the sentence after', () => {
    const text = [
      '5.2 Online bullying',
      'Online bullying is dealt with under the Anti-Bullying Policy.',
      'Staff should report it to the class teacher and log it; the class teacher will inform the DSL where there is a safeguarding concern (for example threats). The parents of all children involved will be contacted, normally within two school days.',
    ].join('\n');
    expect(proposals(text)).toHaveProperty(['concerns.routes.cyber-bullying.tell'], ['carers']);
  });
});
