/**
 * The thirty-fourth session's reading of a pupil or parent contacting a member of staff through social media, said as "a
 * staff member" and "via social media" (not only "you" and "a personal account").
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

const page = (paragraph: string) => ['Staff Code of Conduct', '', '7.4 Staff social media', '', paragraph].join('\n');

describe('a pupil or parent contacting a member of staff through social media', () => {
  it.each([
    ['If a pupil or parent contacts a staff member via social media the staff member should not reply and must tell the DSL the same day.', ['dsl']],
    ['Where a student messages members of staff on Instagram, they should not respond and should tell the Headteacher.', ['headteacher']],
    ['If a parent adds a staff member on Facebook, the staff member should tell the DSL straight away.', ['dsl']],
  ])('%s', (paragraph, notify) => {
    expect(proposals(page(paragraph))).toHaveProperty(['concerns.routes.contact-attempt.notify'], notify);
  });

  it('a member of staff who posts on the school’s social media is no contact from a pupil', () => {
    expect(proposals(page('Staff who post on the school’s social media must tell the office manager first.'))).not.toHaveProperty([
      'concerns.routes.contact-attempt.notify',
    ]);
  });
});
