/**
 * The forty-seventh session. A page whose first line is the school's name and whose second says what the page is ("Social
 * Media Guidelines") has both lines as its title: a rule that names no channel, with none nearer, is about the channel the
 * document's name gives. Not a rule with a place of its own ("On the class blogs, …").
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';
import { sentencesOf } from './text.ts';

const page = (...lines: string[]) => ['ST BRIGID’S CATHOLIC PRIMARY SCHOOL', '', 'Facebook Page Guidelines', '', '## 3. Pictures', '', ...lines].join('\n');

describe('the title under the school’s name', () => {
  it('the two lines are the title', () => {
    const [first] = sentencesOf(page('Every post is checked before it goes out.'));
    expect(first.title).toBe("st brigid's catholic primary school facebook page guidelines");
  });

  it('one line that already says what the page is stays the title alone', () => {
    const [first] = sentencesOf(['Online Safety Policy', '', 'Facebook Guidelines', '', 'Staff must report concerns.'].join('\n'));
    expect(first.title).toBe('online safety policy');
  });

  it('"Pupils are never named beside their photographs." under a heading naming no channel: the Facebook page’s rule', () => {
    expect(proposals(page('Pupils are never named beside their photographs.'))).toHaveProperty(['photos.channels.social-media.naming'], 'none');
  });

  it('not a rule with a place of its own: "On the class blogs, children may be referred to by first name only."', () => {
    expect(proposals(page('On the class blogs, children may be referred to by first name only.'))).not.toHaveProperty(['photos.channels.social-media.naming']);
  });

  it('a second line that names no document is no part of the title: "Facebook news, Spring Term" under the school’s name', () => {
    const [first] = sentencesOf(['ST BRIGID’S CATHOLIC PRIMARY SCHOOL', '', 'Facebook news, Spring Term', '', 'Pupils are never named.'].join('\n'));
    expect(first.title).toBe("st brigid's catholic primary school");
  });

  it('a sentence under the school\'s name is no part of the title: "This policy is published on our website and Facebook page."', () => {
    const text = [
      'Oakfield Primary School',
      '',
      'This policy is published on our website and Facebook page.',
      '',
      '## Names',
      '',
      'Pupils are never named beside their photographs.',
    ].join('\n');
    expect(sentencesOf(text)[0].title).toBe('oakfield primary school');
    expect(proposals(text)).not.toHaveProperty(['photos.channels.social-media.naming']);
    expect(proposals(text)).not.toHaveProperty(['photos.channels.website.naming']);
  });

  it('an opening that names no place ("In the interests of safety, …") takes the title\'s channel', () => {
    expect(proposals(page('In the interests of safety, pupils are never named beside their photographs.'))).toHaveProperty(
      ['photos.channels.social-media.naming'],
      'none',
    );
  });
});
