/**
 * The twenty-seventh session's readings of who approves what is published: roles and responsibilities set out as lists
 * ("The Headteacher:" over "• approves everything that is published on the website"), "everything that is published",
 * and content "placed on" a channel.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

describe('roles and responsibilities as lists', () => {
  it('an item under "The Headteacher:" that approves what is published', () => {
    const text = [
      'Roles and responsibilities',
      '',
      'The Principal:',
      '- makes sure that staff are trained each year;',
      '- approves everything that is published on the academy website, or asks the Vice Principal to do so when she is away.',
    ].join('\n');
    expect(proposals(text)).toHaveProperty(['photos.channels.website.headteacherApproval'], true);
  });

  it('an item under a heading that names the post and its holder', () => {
    const text = [
      'Head Teacher (Mrs A. Rowe)',
      '- Has overall responsibility for online safety.',
      "- Approves all content before it is published on the school's Facebook page.",
    ].join('\n');
    expect(proposals(text)).toHaveProperty(['photos.channels.social-media.headteacherApproval'], true);
  });

  it('but not an item under a lead that names more than the post', () => {
    const text = ['The Headteacher and the governors will:', "- approve all content before it is published on the school's website."].join('\n');
    expect(proposals(text)).not.toHaveProperty(['photos.channels.website.headteacherApproval']);
  });

  it('nor an item that checks what others posted', () => {
    const text = ['The Headteacher:', "- checks the school's Facebook page once a term for posts that do not match the consent list."].join('\n');
    expect(proposals(text)).not.toHaveProperty(['photos.channels.social-media.headteacherApproval']);
    expect(proposals(text)).not.toHaveProperty(['decisions.photoPublication']);
  });
});

describe('what the head approves', () => {
  it('"approves everything that is published on the website"', () => {
    expect(proposals('The Head of School approves everything that is published on the school website.')).toHaveProperty(
      ['photos.channels.website.headteacherApproval'],
      true,
    );
  });

  it('"all content placed on the website"', () => {
    expect(proposals('The Headteacher approves all content placed on the school website.')).toHaveProperty(
      ['photos.channels.website.headteacherApproval'],
      true,
    );
  });
});
