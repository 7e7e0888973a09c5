/**
 * The thirty-eighth session's readings of whom a concern goes to: a Welsh school's Pennaeth, "tells" and "forward it to".
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

describe("a Welsh school's head", () => {
  it('"Concerns about a member of staff … go to the Pennaeth" route staff concerns to the head', () => {
    const text = 'Concerns about a member of staff or a volunteer go to the Pennaeth on the same day, and not to the person concerned.';
    expect(proposals(text)).toHaveProperty(['concerns.routes.staff-misuse.notify'], ['headteacher']);
  });

  it('"with the written agreement of the Pennaeth" is the head deciding about school accounts', () => {
    const text = 'Departments may open their own social media accounts only with the written agreement of the Pennaeth.';
    expect(proposals(text)).toHaveProperty(['decisions.accounts'], ['headteacher']);
  });

  it('"the Dirprwy Bennaeth" is the deputy, not the head', () => {
    const text = 'Online bullying between pupils must be reported to the Dirprwy Bennaeth.';
    expect(proposals(text)).toHaveProperty(['concerns.routes.cyber-bullying.notify'], ['deputy-headteacher']);
  });
});

describe('more verbs of telling', () => {
  it('"…and tells the Computing Lead and the DSL before the end of the day" names both, with the time', () => {
    const text =
      'A child sees unsuitable content on a school laptop: the teacher closes the lid, reassures the child and tells the Computing Lead and the DSL before the end of the day.';
    const found = proposals(text);
    expect(found).toHaveProperty(['concerns.routes.inappropriate-content.notify'], ['ict-lead', 'dsl']);
    expect(found).toHaveProperty(['concerns.routes.inappropriate-content.deadline'], 'same-day');
  });

  it('"Do not respond to criticism of the school online; forward it to the Principal"', () => {
    expect(proposals('Do not respond to criticism of the school online; forward it to the Principal.')).toHaveProperty(
      ['concerns.routes.disparaging-content.notify'],
      ['headteacher'],
    );
  });

  it('"…do not forward it to the Headteacher" tells no one', () => {
    expect(proposals('Negative comments about the school online: do not forward it to the Headteacher or reply.')).not.toHaveProperty([
      'concerns.routes.disparaging-content.notify',
    ]);
  });
});

describe('a site that should be blocked', () => {
  it('"…finds that a site which should be blocked is accessible, they must tell the DSL the same day" is a route for unsuitable content', () => {
    const text = 'If a member of staff finds that a website which should be blocked is accessible, they must tell the DSL the same day.';
    const found = proposals(text);
    expect(found).toHaveProperty(['concerns.routes.inappropriate-content.notify'], ['dsl']);
    expect(found).toHaveProperty(['concerns.routes.inappropriate-content.deadline'], 'same-day');
  });

  it('"…to the Network Manager, who will block it immediately" is the Network Manager\'s haste, not the route\'s', () => {
    const text = 'Staff who find that a site which should be blocked is accessible must report it to the Network Manager, who will block it immediately.';
    const found = proposals(text);
    expect(found).toHaveProperty(['concerns.routes.inappropriate-content.notify'], ['ict-lead']);
    expect(found).not.toHaveProperty(['concerns.routes.inappropriate-content.immediate']);
  });
});

describe('what happened, told as a report', () => {
  it('"All 14 nude image cases were passed to the DSL" in a governors\' report is no route', () => {
    expect(proposals('Autumn term: all 14 nude image cases were passed to the DSL within the day.')).not.toHaveProperty([
      'concerns.routes.safeguarding.notify',
    ]);
  });

  it('"…tell the DSL on the same day and make a note of what was sent" is still a route', () => {
    const text = 'If a pupil contacts you through a personal account, do not reply. Tell the DSL on the same day and make a note of what was sent.';
    expect(proposals(text)).toHaveProperty(['concerns.routes.contact-attempt.notify'], ['dsl']);
  });
});

describe("the review's guards on this session's readings", () => {
  it('"After a photo or video is taken, it is not posted … until the Headteacher has approved it" is still the head\'s approval', () => {
    const text = 'After a photo or video is taken, it is not posted on the website until the Headteacher has approved it.';
    expect(proposals(text)).toHaveProperty(['photos.channels.website.headteacherApproval'], true);
  });

  it('"The school does not have a social media policy" says nothing of its social media', () => {
    expect(proposals('The school does not have a social media policy.')).not.toHaveProperty(['consent.purposes.social-media.active']);
  });

  it('"the Pennaeth Cynorthwyol" (an assistant head) is not the head', () => {
    expect(proposals('Online bullying must be reported to the Pennaeth Cynorthwyol.')).not.toHaveProperty(['concerns.routes.cyber-bullying.notify']);
  });

  it('the haste after a "who" clause that ends at its comma is still the route\'s', () => {
    const text = 'Report any online bullying to the class teacher, who will record it, and do so immediately.';
    expect(proposals(text)).toHaveProperty(['concerns.routes.cyber-bullying.immediate'], true);
  });

  it('"The Headteacher considers each request…, and after speaking to the DSL decides…" does not give the DSL the decision', () => {
    const text = 'The Headteacher considers each request to unblock a site, and after speaking to the DSL decides whether to allow it.';
    expect(proposals(text)['decisions.unblock']).not.toEqual(['dsl']);
  });

  it('"If nude images were sent to a pupil, staff must tell the DSL" is a rule, though it says "were sent to"', () => {
    expect(proposals('If nude images were sent to a pupil, staff must tell the DSL immediately.')).toHaveProperty(
      ['concerns.routes.safeguarding.notify'],
      ['dsl'],
    );
  });

  it('a next review written as one date with slashes, "[01/09/2026]", is read', () => {
    expect(proposals('Policy approved: 01/09/2025\nNext review: [01/09/2026]')).toHaveProperty(['policyReview.intervalMonths'], 12);
  });

  it('a form\'s "[Yes / No]" rows are still read as rows the carer marks', () => {
    const text = [
      'PHOTOGRAPH CONSENT FORM',
      'Please tick to show whether you give consent for photographs of your child to be used in each of these ways.',
      'On the school website [Yes / No]',
      'In the newsletter [Yes / No]',
    ].join('\n');
    const found = proposals(text);
    expect(found).toHaveProperty(['consent.purposes.website.active'], true);
    expect(found).toHaveProperty(['consent.purposes.publications.active'], true);
  });
});
