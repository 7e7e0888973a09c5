/**
 * The thirty-fifth session's third readings: what may be published about an incident is no route, the one who reports to
 * the police is no one told, and "shall not be identified by full name" is a first name at most.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

const route = 'Any member of staff worried that a pupil is at risk of harm online must tell the DSL the same day.';

describe('sentences beside a safeguarding route that name no one to tell', () => {
  it.each([
    'Any post concerning a safeguarding incident, a complaint or a matter reported in the press may be published only with the approval of the Headteacher.',
    'Any statement touching on a safeguarding matter goes to the Head and must not be issued by the Marketing team alone.',
    'Any incident involving nude images of pupils will be reported to the police by the Headteacher.',
  ])('%s', (second) => {
    expect(proposals(`${route}\n\n${second}`)).toHaveProperty(['concerns.routes.safeguarding.notify'], ['dsl']);
  });

  it('content posted about the school, reported to the Head, is still a route', () => {
    const text = 'Content posted online about the school or its staff that is false or threatening should be reported to the Headteacher.';
    expect(proposals(text)).toHaveProperty(['concerns.routes.disparaging-content.notify'], ['headteacher']);
  });
});

describe('names on a channel', () => {
  it('"shall not be identified by full name" on social media is a first name at most', () => {
    expect(proposals('Pupils shall not be identified by full name alongside a photograph on social media.')).toHaveProperty(
      ['photos.channels.social-media.naming'],
      'first-names',
    );
  });
});
