/**
 * The thirtieth session's readings of who is told first: where the monitoring system's alerts go is its set-up, not whom
 * staff tell; an incident table's row wins over a sentence elsewhere that names someone else.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

describe('where monitoring alerts go', () => {
  it.each([
    'Filtering blocks harmful and inappropriate content; monitoring alerts are sent to the DSL and the Computing Lead.',
    'Alerts go to the DSL and the Network Manager whenever the filter blocks inappropriate content.',
  ])('"%s" is no route', (sentence) => {
    const text = [sentence, '', 'If a pupil sees inappropriate content in school, tell the Computing Lead straight away.'].join('\n');
    expect(proposals(text)).toHaveProperty(['concerns.routes.inappropriate-content.notify'], ['ict-lead']);
  });
});

describe('an incident table and a sentence that disagree', () => {
  const table = [
    'Concern\tWho to tell\tWhen',
    'A pupil sees upsetting or unsuitable content on a school device\tClass teacher, who informs the Computing Lead\tThe same day',
    'Cyberbullying between pupils\tClass teacher\tThe same day',
  ].join('\n');

  /** A filtering section that names the Computing Lead, then a reporting section. */
  const page = (reporting: string) =>
    ['3. Filtering', '', 'If a pupil sees unsuitable content in school, tell the Computing Lead straight away.', '', '9. Reporting', '', reporting].join('\n');

  it("the table's row is the route", () => {
    expect(proposals(page(table))).toHaveProperty(['concerns.routes.inappropriate-content.notify'], ['class-teacher']);
  });

  it('two sentences that disagree, with no table, settle nothing', () => {
    const text = page('If a pupil sees unsuitable content on a school device, tell the class teacher.');
    expect(proposals(text)).not.toHaveProperty(['concerns.routes.inappropriate-content.notify']);
  });
});
