/**
 * The thirtieth session's readings of naming rules: a consent form's box named by its channel ("the website/Facebook
 * box") is not where a rule applies; rows naming two channels ("Website and prospectus"); "First name plus course and
 * year"; "No surnames" in a cell; a table flattened one cell per line with a column of notes; a child's work shown with a
 * first name; "never alongside a pupil's name" beside "no full names".
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

describe('a channel named as a box on the consent form', () => {
  it.each([
    'If the newspaper box is not ticked, a child may still be in a group picture in the paper as long as the website/Facebook box is ticked, and will not be named.',
    'Where the press tick box has been left blank, the pupil can appear in a group shot only if the website box has been ticked, and will not be named.',
  ])('"%s" sets no naming rule for the website or Facebook', (sentence) => {
    const text = [
      'Names',
      '',
      'On the website a pupil may be named by first name only.',
      'Pupils are not named at all on our Facebook page.',
      '',
      sentence,
    ].join('\n');
    const found = proposals(text);
    expect(found).toHaveProperty(['photos.channels.website.naming'], 'first-names');
    expect(found).toHaveProperty(['photos.channels.social-media.naming'], 'none');
  });

  it('a channel named as a place is still read beside a box', () => {
    const found = proposals('Pupils are never named on the website, whatever box the parent has ticked on the form.');
    expect(found).toHaveProperty(['photos.channels.website.naming'], 'none');
  });
});

describe('a table row naming two channels', () => {
  it.each([
    ['Website and prospectus', 'First name plus course and year, e.g. "Jo, Year 12 Engineering".'],
    ['Prospectus, website', 'First name and year group only.'],
    ['School website and printed prospectus', 'No surnames.'],
  ])('"%s | %s" is each channel\'s rule', (where, cell) => {
    const text = ['| Where | How pupils are named |', '|---|---|', `| ${where} | ${cell} |`, '| TikTok | No names at all. |'].join('\n');
    const found = proposals(text);
    expect(found).toHaveProperty(['photos.channels.website.naming'], 'first-names');
    expect(found).toHaveProperty(['photos.channels.prospectus.naming'], 'first-names');
    expect(found).toHaveProperty(['photos.channels.social-media.naming'], 'none');
  });

  it('"No surnames unless…" is a condition, not a rule', () => {
    const text = ['| Where | Names |', '|---|---|', '| Website | No surnames unless the family agrees. |', '| Facebook | No names. |'].join('\n');
    expect(proposals(text)).not.toHaveProperty(['photos.channels.website.naming']);
  });
});

describe('a table flattened one cell per line, with a column of notes', () => {
  const table = (rows: string[][]) =>
    ['2. Consent', '', 'Parents choose the following on the admission form.', '', 'Use', 'Consent needed?', 'Notes', ...rows.flat(), ''].join('\n');

  it('reads how each channel names pupils from its note', () => {
    const found = proposals(
      table([
        ['Classroom displays', 'No', 'Part of learning.'],
        ['Printed prospectus', 'Yes', 'First name and class may be shown.'],
        ['School website', 'Yes', 'No surnames.'],
        ['School Instagram and Facebook', 'Yes', 'No names and no tagging.'],
      ]),
    );
    expect(found).toHaveProperty(['photos.channels.prospectus.naming'], 'first-names');
    expect(found).toHaveProperty(['photos.channels.website.naming'], 'first-names');
    expect(found).toHaveProperty(['photos.channels.social-media.naming'], 'none');
  });

  it('a note that says nothing of names sets nothing', () => {
    const found = proposals(
      table([
        ['School website', 'Yes', 'Checked by the office before it goes up.'],
        ['Local press', 'Yes', 'We contact you before any visit.'],
      ]),
    );
    expect(found).not.toHaveProperty(['photos.channels.website.naming']);
    expect(found).not.toHaveProperty(['photos.channels.press.naming']);
  });
});

describe("a child's work, not their photograph", () => {
  it.each(["Where a child's work is shown we may use a first name only.", "When pupils' artwork is displayed, we may use their first names."])(
    '"%s" is no naming rule for the channel in scope',
    (sentence) => {
      const text = ['Website and Facebook', '', 'We share photographs of school life on the website and Facebook.', sentence].join('\n');
      const found = proposals(text);
      expect(found).not.toHaveProperty(['photos.channels.website.naming']);
      expect(found).not.toHaveProperty(['photos.channels.social-media.naming']);
    },
  );
});

describe('no full names, and never a name beside a photograph', () => {
  it.each([
    "Pupils' full names are never used on the school website or Facebook page, and photographs are never published alongside a pupil's name.",
    "Surnames are not used on the website or Facebook, and images will never be shown beside a child's name.",
  ])('"%s" is no names at all', (sentence) => {
    const found = proposals(sentence);
    expect(found).toHaveProperty(['photos.channels.website.naming'], 'none');
    expect(found).toHaveProperty(['photos.channels.social-media.naming'], 'none');
  });

  it('with first names allowed in the same sentence, it is left', () => {
    const found = proposals(
      "Full names are never used on the website, and photographs are never published alongside a pupil's name, though first names may appear.",
    );
    expect(found).not.toHaveProperty(['photos.channels.website.naming'], 'none');
  });
});
