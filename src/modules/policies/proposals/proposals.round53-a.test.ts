/**
 * The thirty-ninth session's first readings: a post's abbreviation defined across a line's wrap, the Welsh DSL, a filter
 * decider for some categories only, names "never put" beside a photograph, and a staff code's naming rules, which are no
 * use carers are asked about.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

describe('posts the page names in its own words', () => {
  it('"Child Protection\\nCo-ordinator (CPC)" wrapped over two lines, then "Tell the CPC immediately": the DSL, at once', () => {
    const text = [
      "- **Head Teacher** – overall responsibility for this policy; also the school's Child Protection",
      '  Co-ordinator (CPC).',
      '',
      '### Someone the child does not know contacts them online',
      '',
      '- Tell the CPC immediately. Parents will be informed.',
    ].join('\n');
    expect(proposals(text)).toHaveProperty(['concerns.routes.contact-attempt.notify'], ['dsl']);
  });

  it('a wrap between paragraphs is no part of the post: "…Child Protection\\n\\nCo-ordinator (CPC)" defines nothing', () => {
    const text = [
      'The Head Teacher leads on Child Protection',
      '',
      'Co-ordinator (CPC) meetings are held termly.',
      '',
      'Tell the CPC immediately if a stranger contacts a pupil online.',
    ].join('\n');
    expect(proposals(text)).not.toHaveProperty(['concerns.routes.contact-attempt.notify']);
  });

  it("a Welsh school's Person Diogelu Dynodedig (PDD) is its DSL", () => {
    const text = [
      'The governing body meets the Person Diogelu Dynodedig (PDD) each term.',
      '',
      "Any contact from a learner through a member of staff's personal social media must be reported to the PDD.",
    ].join('\n');
    expect(proposals(text)).toHaveProperty(['concerns.routes.contact-attempt.notify'], ['dsl']);
  });
});

describe('a filter decider for some requests only', () => {
  it('"Decisions to unblock a site in a safeguarding-related category require the agreement of the DSL" settles no decider', () => {
    const text = 'Decisions to unblock a site in a safeguarding-related category continue to require the agreement of the DSL.';
    expect(proposals(text)).not.toHaveProperty(['decisions.unblock']);
  });

  it('"…any request relating to a category blocked for safeguarding reasons must be agreed by the DSL" beside the Network Manager\'s own say: none', () => {
    const text =
      'The Network Manager may unblock a site for educational use where it is clearly low risk; any request relating to a category blocked for safeguarding reasons must be agreed by the DSL before the change is asked for.';
    expect(proposals(text)).not.toHaveProperty(['decisions.unblock']);
  });

  it('"Requests to unblock a site must be agreed by the DSL" still reads the DSL', () => {
    expect(proposals('Requests to unblock a site must be agreed by the DSL.')).toHaveProperty(['decisions.unblock'], ['dsl']);
  });
});

describe('names never put beside a photograph', () => {
  it('"Children\'s full names are never put alongside their photo on the website or our social media accounts": first names at most on both', () => {
    const found = proposals("Children's full names are never put alongside their photo on the website or our social media accounts.");
    expect(found).toHaveProperty(['photos.channels.website.naming'], 'first-names');
    expect(found).toHaveProperty(['photos.channels.social-media.naming'], 'first-names');
  });
});

describe("a staff code or a meeting's minutes: naming rules are no use carers are asked about", () => {
  const rule = 'Pupils are never named in captions on the website or on social media.';

  it('under the title "Staff Code of Conduct" the rule is the channel\'s naming, and no purpose is proposed from it', () => {
    const found = proposals(["St Tathan's Primary School - Staff Code of Conduct 2024-25", '', rule].join('\n'));
    expect(found).toHaveProperty(['photos.channels.website.naming'], 'none');
    expect(found).not.toHaveProperty(['consent.purposes.website.active']);
    expect(found).not.toHaveProperty(['consent.purposes.social-media.active']);
  });

  it('"Minutes of the meeting held on…" likewise', () => {
    const found = proposals(['Minutes of the meeting held on Wednesday 11 June 2025', '', rule].join('\n'));
    expect(found).not.toHaveProperty(['consent.purposes.website.active']);
  });

  it('"Tell the DSL within 30 minutes of the disclosure" near the top is no meeting\'s minutes', () => {
    const found = proposals(['Photographs Policy', '', 'Tell the DSL within 30 minutes of the disclosure.', '', rule].join('\n'));
    expect(found).toHaveProperty(['consent.purposes.website.active'], true);
  });

  it('a policy that lists the staff code among the policies it is read with still shows the use', () => {
    const found = proposals(
      ['Photographs Policy', '', 'Related policies: safeguarding and child protection; staff code of conduct; data protection.', '', rule].join('\n'),
    );
    expect(found).toHaveProperty(['consent.purposes.website.active'], true);
    expect(found).toHaveProperty(['consent.purposes.social-media.active'], true);
  });
});
