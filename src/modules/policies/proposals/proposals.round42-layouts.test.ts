/**
 * The twenty-eighth session's layout: a quick-reference card's two columns set out by spaces, the situation beside what to
 * do, each cell wrapping down its own column. Each row is read as its situation then its instructions.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';
import { withScenarioRows } from './tables.scenario.ts';

const card = [
  'ONLINE WORRIES - STAFF CARD',
  '',
  'WHEN THIS HAPPENS…                          WHAT YOU DO',
  '',
  'A pupil tells you an adult they have        • Stay calm and listen.',
  'never met has been messaging them on a      • Tell the DSL the same day, in',
  'game                                          person or by phone.',
  '',
  'Unkind messages between pupils in a         • Keep any screenshots the pupil',
  'class group chat (online bullying)            offers you.',
  '                                            • Tell the class teacher before the',
  '                                              end of the day.',
  '',
  'A colleague has been following pupils      • Tell the Headteacher straight away.',
  'on a personal account                       • Do not speak to the colleague.',
  '',
  'Anything else that worries you. Ask the DSL.',
].join('\n');

describe('a card of situations beside what to do', () => {
  it('each row is one line of prose, on the row’s first line; the page keeps its line numbers', () => {
    const lines = withScenarioRows(card).split('\n');
    expect(lines).toHaveLength(card.split('\n').length);
    expect(lines[4]).toBe(
      'A pupil tells you an adult they have never met has been messaging them on a game. Stay calm and listen. Tell the DSL the same day, in person or by phone.',
    );
    expect(lines[5]).toBe('');
  });

  it('reads each instruction under its situation', () => {
    expect(proposals(card)).toMatchObject({
      'concerns.routes.contact-attempt.notify': ['dsl'],
      'concerns.routes.contact-attempt.deadline': 'same-day',
      'concerns.routes.cyber-bullying.notify': ['class-teacher'],
      'concerns.routes.cyber-bullying.deadline': 'same-day',
      'concerns.routes.staff-misuse.notify': ['headteacher'],
      'concerns.routes.staff-misuse.immediate': true,
    });
  });

  it('rows with no blank line between them: a row starts where a capital follows a finished cell', () => {
    const text = [
      'SITUATION                                   WHAT TO DO',
      'A child says they have seen something       Turn the screen off. Tell the',
      'upsetting on a class iPad                   Computing Lead the same day.',
      'A parent posts photos of other children     Tell the Headteacher. She will ask',
      'on Facebook                                 for them to be taken down.',
    ].join('\n');
    const read = proposals(text);
    expect(read).toHaveProperty(['concerns.routes.inappropriate-content.notify'], ['ict-lead']);
    expect(read).toHaveProperty(['concerns.routes.community-post.notify'], ['headteacher']);
  });

  it('a cell that wraps on a small word runs on: "an account on" / "TikTok…" is one row', () => {
    const text = [
      'SITUATION                                   WHAT TO DO',
      'A child says they have an account on        Log it as a low-level concern.',
      'TikTok or Snapchat                          The DSL will speak to the parents.',
      'A pupil is being bullied online             Tell the class teacher.',
    ].join('\n');
    const lines = withScenarioRows(text).split('\n');
    expect(lines[1]).toMatch(/^A child says they have an account on TikTok or Snapchat\. Log it/);
    expect(lines[2]).toBe('');
    expect(lines[3]).toBe('A pupil is being bullied online. Tell the class teacher.');
  });

  it('prose that happens to sit under a heading pair is left alone', () => {
    const text = [
      'Concern                                     Action',
      'This policy sets out how staff respond to concerns about pupils and what they should do in each case.',
      '',
    ].join('\n');
    expect(withScenarioRows(text)).toBe(text);
  });

  it('a rule across the page ends the card: the contacts under it are not rows', () => {
    const text = [
      'SITUATION                                   WHAT TO DO',
      'A pupil is being bullied online             Tell the class teacher.',
      'A pupil sees something upsetting            Tell the DSL the same day.',
      '─────────────────────────────────────────',
      'Designated Safeguarding Lead                Mrs A. Khan, ext 214',
    ].join('\n');
    expect(withScenarioRows(text).split('\n')[4]).toBe('Designated Safeguarding Lead                Mrs A. Khan, ext 214');
  });
});
