/**
 * The thirty-sixth session's readings of posts about the school: a bullet whose first line ends in a colon and goes on,
 * indented, in lower case; comments "about the Trust … posted by parents", "online comments about the school", "the
 * subject of abusive … comments", "criticism of the school".
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

const route = (text: string) => proposals(text)['concerns.routes.disparaging-content.notify'];

describe('a post about the school, and whom it goes to', () => {
  it('a bullet that ends in a colon and goes on, indented, on the next line', () => {
    const text = [
      '- A post about the school, a member of staff or a pupil on social media that causes concern:',
      '  tell the Headteacher. Please do not reply to it.',
      '- A pupil who sees something upsetting online: tell the class teacher.',
    ].join('\n');
    expect(route(text)).toEqual(['headteacher']);
  });

  it('a lead in a colon over its own bulleted items is still a lead', () => {
    const text = ['If you see a post about the school that worries you:', '- take a screenshot', '- tell the Headteacher'].join('\n');
    expect(route(text)).toEqual(['headteacher']);
  });

  it.each([
    'Staff should not respond to comments about the Trust, an academy or a member of staff posted by parents or others. They should take a screenshot and inform the Headteacher.',
    'Online comments about the school, staff or pupils that you become aware of should be passed to the Headteacher.',
    'If a member of staff finds they are the subject of abusive or upsetting comments online, they should take screenshots and tell the Headteacher.',
    'Comments by parents on social media about the academy should be passed to the Headteacher, not answered by individual staff.',
  ])('%s', (text) => expect(route(text)).toEqual(['headteacher']));

  it('comments about the school that praise it, passed to no one, set nothing', () => {
    expect(route('We love reading online comments about the school from our families.')).toBeUndefined();
  });
});
