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

describe('who decides whether a site is unblocked', () => {
  it('whoever checks the site asked for and has it unblocked', () => {
    const read = proposals(
      'Staff may ask for a site to be unblocked. Requests go to the Network Manager, who will check the site and ask the IT provider to unblock it.',
    );
    expect(read).toHaveProperty(['decisions.unblock'], ['ict-lead']);
  });

  it('but not when another decides for some requests', () => {
    const read = proposals(
      'Staff ask the Computing Lead, who checks the site and then asks the IT provider to unblock it. If the site is anything other than plainly educational, the Headteacher decides.',
    );
    expect(read).not.toHaveProperty(['decisions.unblock']);
  });

  it('"Requests to unblock (or block) a site" over "The DSL decides." settles both', () => {
    const text = ['## Requests to unblock (or block) a site', '', 'Any member of staff may ask.', '', 'The DSL decides.'].join('\n');
    const read = proposals(text);
    expect(read).toHaveProperty(['decisions.unblock'], ['dsl']);
    expect(read).toHaveProperty(['decisions.blockedContentRequests'], ['dsl']);
  });
});
