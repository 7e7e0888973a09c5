/**
 * The fortieth session's readings of where a naming rule applies and what page it is on: "any published photograph" and
 * "an image that leaves the school" are every channel the school uses; a page marked "Staff only", a staff update, a
 * governor's monitoring report or a tutors' guide asks carers about no use.
 */
import { describe, expect, it } from 'vitest';
import { proposals, uses } from '../../../../test/helpers/proposals.ts';

describe('a naming rule for everything the school publishes', () => {
  const channels = 'We publish photographs of pupils on our website, on our Facebook page and in our prospectus.';

  it('"We do not name children in any published photograph": no names on each channel the school uses', () => {
    const found = proposals([channels, '', 'At Larkfield we do not name children in any published photograph.'].join('\n'));
    expect(found).toHaveProperty(['photos.channels.website.naming'], 'none');
    expect(found).toHaveProperty(['photos.channels.social-media.naming'], 'none');
    expect(found).toHaveProperty(['photos.channels.prospectus.naming'], 'none');
  });

  it('"No pupil will be named in any image that leaves the school": the same', () => {
    const found = proposals([channels, '', 'No pupil will be named in any image that leaves the school.'].join('\n'));
    expect(found).toHaveProperty(['photos.channels.website.naming'], 'none');
    expect(found).toHaveProperty(['photos.channels.prospectus.naming'], 'none');
  });

  it('"…in any published photograph" on a page that names no channel of its own proposes none', () => {
    expect(proposals('We do not name children in any published photograph.')).not.toHaveProperty(['photos.channels.website.naming']);
  });
});

describe('a page for staff asks carers about no use', () => {
  const rule = 'First names only on the website, never surnames.';

  it('under "STAFF ONLY – not for display", a naming rule for the website is no website use carers are asked about', () => {
    const text = ['Hollow Lane Infant School    STAFF ONLY – not for display in classrooms', '', 'WHO DO I TELL?', '', rule].join('\n');
    const found = proposals(text);
    expect(found).toHaveProperty(['photos.channels.website.naming'], 'first-names');
    expect(uses(text)).not.toContain('website');
  });

  it("a staff weekly update, a governor monitoring report and a tutors' guide: the same", () => {
    for (const title of [
      'Staff weekly update – w/b 3 March',
      'Governor Monitoring Report: Online Safety 2025',
      "Personal Tutors' Guide: Reporting Online Harm",
    ]) {
      const text = [title, '', rule].join('\n');
      expect(uses(text), title).not.toContain('website');
    }
  });

  it('a letter to parents with the same rule still makes the website a use', () => {
    const text = ['Dear parents and carers,', '', rule].join('\n');
    expect(uses(text)).toContain('website');
  });
});

describe('the worst of a kind among the examples of a safeguarding concern', () => {
  it('"…at risk of harm online (including grooming, nude images, or serious cyberbullying) must report it to the DSL immediately": bullying keeps no route from it', () => {
    const text =
      'Any member of staff who has a concern that a pupil may be at risk of harm online (including grooming, sharing of nude images, or serious cyberbullying) must report it to the DSL immediately.';
    const found = proposals(text);
    expect(found).toHaveProperty(['concerns.routes.safeguarding.notify'], ['dsl']);
    expect(found).not.toHaveProperty(['concerns.routes.cyber-bullying.notify']);
  });

  it('plain "cyberbullying" among the examples is still routed alike', () => {
    const text =
      'Any member of staff who has a concern that a pupil may be at risk of harm online (including grooming, sharing of nude images, or cyberbullying) must report it to the DSL immediately.';
    expect(proposals(text)).toHaveProperty(['concerns.routes.cyber-bullying.notify'], ['dsl']);
  });
});
