/**
 * The twenty-fourth session's readings of concerns about staff and of occasions never photographed, each written as a
 * paraphrase of what the keyed sets say, with a case that keeps the reading from going too far.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

describe('a concern about a member of staff, however the sentence opens', () => {
  it('"Where there is a concern that a member of staff has…" is about the member of staff, whatever the examples name', () => {
    const read = proposals(
      'Where there is a concern that a teacher (or a volunteer) has used social media in a way that may harm a child – for example by messaging pupils or posting inappropriate content – it must be reported to the Principal straight away.',
    );
    expect(read).toHaveProperty(['concerns.routes.staff-misuse.notify'], ['headteacher']);
    expect(read).toHaveProperty(['concerns.routes.staff-misuse.immediate'], true);
    expect(read).not.toHaveProperty(['concerns.routes.inappropriate-content.notify']);
  });

  it('"If the concern is that a member of staff, volunteer or visitor has shared images…" is about staff, not a parent’s post', () => {
    const read = proposals(
      'If the concern is that a member of staff, volunteer or visitor has taken or shared images of pupils inappropriately, tell the Head Teacher immediately.',
    );
    expect(read).toHaveProperty(['concerns.routes.staff-misuse.notify'], ['headteacher']);
    expect(read).not.toHaveProperty(['concerns.routes.community-post.notify']);
  });

  it('but "where there is any safeguarding side to it" after the telling is still a condition', () => {
    const read = proposals('Cyberbullying between pupils is reported to the Head of Year, and to the DSL where there is a safeguarding element.');
    expect(read).not.toHaveProperty(['concerns.routes.safeguarding.notify']);
  });
});

describe('a part of a trip is not the trip', () => {
  it('sleeping areas and boarding accommodation on residential trips', () => {
    const read = proposals('Images must never be taken in changing rooms, toilets, or sleeping areas on residential trips, or during swimming lessons.');
    expect(read).toHaveProperty(['photos.prohibitedContexts'], ['swimming']);
    expect(proposals('Photographs must not be taken during public examinations or in boarding accommodation on residential visits.')).not.toHaveProperty([
      'photos.prohibitedContexts',
    ]);
  });

  it('their rooms on the residential, and trips with pool time', () => {
    expect(
      proposals('We do not take photos of children getting changed, at swimming lessons, or in their rooms on the Year 6 residential trip.'),
    ).toHaveProperty(['photos.prohibitedContexts'], ['swimming']);
    expect(
      proposals('Staff will not photograph or film pupils in swimwear, including at swimming galas and on residential trips with pool time.'),
    ).toHaveProperty(['photos.prohibitedContexts'], ['swimming']);
  });

  it('but a trip the school never photographs is one', () => {
    expect(proposals('Staff will not take photographs on residential trips.')).toHaveProperty(['photos.prohibitedContexts'], ['trip']);
  });
});

describe('answers asked again at a stage of school', () => {
  it('"we send home the choices at the start of Year 7 and ask parents to confirm them" is asked again at a key stage', () => {
    expect(
      proposals(
        'Photograph consent\n\nAs pupils move into Key Stage 3 at the start of Year 7, we send home a copy of the choices on file and ask parents to confirm or update them.',
      ),
    ).toHaveProperty(['consent.lapse'], 'key-stage-change');
  });

  it('so it disagrees with consent that lasts the child’s whole time, and neither is proposed', () => {
    const page = [
      'Photograph consent',
      '',
      'Your answers last for the whole time your child is at Hollybrook. If your child joins our Nursery, we will ask you to fill in a new form when they start Reception.',
    ].join('\n');
    expect(proposals(page)).not.toHaveProperty(['consent.lapse']);
    expect(
      proposals(
        'Photograph consent\n\nYour choices last for the whole time your child is at the school. We re-send the form to every family at the start of Year 3.',
      ),
    ).not.toHaveProperty(['consent.lapse']);
  });

  it('but a reminder at the move up, or a sixth former’s own form, asks nothing again', () => {
    const lasting = 'Photograph consent\n\nYour consent stays in place for the whole time your child is at the school unless you change it.';
    expect(
      proposals(`${lasting} We will remind you every September to check your choices, and again when your child moves up to the Senior School.`),
    ).toHaveProperty(['consent.lapse'], 'never');
    expect(proposals(`${lasting} When your son joins Year 12, we will ask him to complete this form for himself.`)).toHaveProperty(['consent.lapse'], 'never');
  });
});

describe('a consent table flattened one cell per line, as a PDF gives it', () => {
  const table = (rows: string[]) =>
    [
      'Photographs: the choices',
      '',
      'When a place is accepted, parents complete the image consent section.',
      '',
      'Use',
      'Consent needed?',
      'Notes',
      ...rows,
    ].join('\n');

  it('is read row by row: the rows marked yes are the uses consent is asked for', () => {
    const read = proposals(
      table([
        'Classroom displays and school reports',
        'No',
        'Used for education.',
        'School website',
        'Yes',
        'No surnames.',
        'Local and national press',
        'Yes',
        'We contact parents first.',
      ]),
    );
    expect(read).toHaveProperty(['consent.purposes.website.active'], true);
    expect(read).toHaveProperty(['consent.purposes.press.active'], true);
    expect(read).not.toHaveProperty(['consent.purposes.displays.active']);
  });

  it('but not when a row does not fit the header, so the lines may be something else', () => {
    const read = proposals(table(['School website', 'Yes', 'No surnames.', 'Local and national press', 'Yes']));
    expect(read).not.toHaveProperty(['consent.purposes.press.active']);
  });
});

describe('who approves the school’s accounts, in more words', () => {
  it('"in the studio’s name", "in the UTC’s name": any school’s name', () => {
    expect(proposals('No one may set up a page, account or group in the college’s name without written agreement from the Principal.')).toHaveProperty(
      ['decisions.accounts'],
      ['headteacher'],
    );
  });

  it('"approved in writing by" and "only if the Headteacher has approved it"', () => {
    expect(proposals('No other account may use the school’s name or crest unless it has been approved in writing by the Headteacher.')).toHaveProperty(
      ['decisions.accounts'],
      ['headteacher'],
    );
    expect(proposals('Clubs and teams may have their own account only if the Head Teacher has approved it in writing.')).toHaveProperty(
      ['decisions.accounts'],
      ['headteacher'],
    );
  });

  it('"decides which accounts the school has"', () => {
    expect(proposals('The Principal decides which official accounts the academy has.')).toHaveProperty(['decisions.accounts'], ['headteacher']);
  });

  it('but posts approved on the school’s accounts are not the accounts', () => {
    expect(
      proposals('Anything published on the school website or the school’s official social media accounts must be approved beforehand by the Headteacher.'),
    ).not.toHaveProperty(['decisions.accounts']);
    expect(proposals('I will not post on the academy’s official accounts unless the Headteacher has authorised me to.')).not.toHaveProperty([
      'decisions.accounts',
    ]);
  });
});

describe('who blocks a site reported as unsuitable decides such requests', () => {
  it('"…tell the Network Manager, who will block it"', () => {
    expect(proposals('Anyone can ask for a site to be blocked. Send the web address to the Network Manager, who will block it the same day.')).toHaveProperty(
      ['decisions.blockedContentRequests'],
      ['ict-lead'],
    );
  });

  it('"…tell the DSL, who asks the IT provider to block it"', () => {
    expect(
      proposals('Staff who find a site that should be blocked tell the Designated Safeguarding Lead, who asks the IT company to block it.'),
    ).toHaveProperty(['decisions.blockedContentRequests'], ['dsl']);
  });

  it('"The ICT Technician may block a site straight away"', () => {
    expect(proposals('The ICT Technician may block a site straight away and will let the DSL know.')).toHaveProperty(
      ['decisions.blockedContentRequests'],
      ['ict-lead'],
    );
  });

  it('but someone who may not block a site decides nothing', () => {
    expect(proposals('Class teachers will not block a site themselves; they report it.')).not.toHaveProperty(['decisions.blockedContentRequests']);
  });
});

describe('who decides a request to unblock, said in the next sentence', () => {
  it('"Staff can ask for a site to be unblocked by emailing the DSL. The DSL decides."', () => {
    expect(proposals('Staff can ask for a site to be unblocked by emailing the DSL. The DSL decides.')).toHaveProperty(['decisions.unblock'], ['dsl']);
  });

  it('"…Requests are decided by the Network Manager"', () => {
    expect(
      proposals('Teachers who need a site unblocked for a lesson log a request with the IT helpdesk. Requests are decided by the Network Manager.'),
    ).toHaveProperty(['decisions.unblock'], ['ict-lead']);
  });

  it('"only with the agreement of the DSL or the Headteacher"', () => {
    expect(proposals('Sites are unblocked only with the agreement of the DSL or the Headteacher.')).toHaveProperty(
      ['decisions.unblock'],
      ['dsl', 'headteacher'],
    );
  });

  it('but who makes a request does not decide it', () => {
    expect(
      proposals('The school can ask for particular websites to be unblocked. Requests are made by the Computing Lead and must be agreed by the Principal.'),
    ).toHaveProperty(['decisions.unblock'], ['headteacher']);
  });

  it('and a decision about something else after an unblocking sentence is not one', () => {
    expect(proposals('Staff can ask for a site to be unblocked by emailing the DSL. The Headteacher decides which devices pupils may use.')).not.toHaveProperty(
      ['decisions.unblock'],
    );
  });
});

describe('the head’s approval of what is published, in more words', () => {
  it('"has the final say on whether any photograph is published"', () => {
    expect(proposals('The Principal has the final say on whether any photograph of a pupil is published anywhere.')).toHaveProperty(
      ['decisions.photoPublication'],
      ['headteacher'],
    );
  });

  it('"approves all material before it is published on the website, in the newsletter…" approves each channel named', () => {
    const read = proposals(
      'The Headteacher approves all material before it is published on the school website, in the newsletter or on the school’s Facebook page.',
    );
    expect(read).toHaveProperty(['photos.channels.website.headteacherApproval'], true);
    expect(read).toHaveProperty(['photos.channels.newsletter.headteacherApproval'], true);
    expect(read).toHaveProperty(['photos.channels.social-media.headteacherApproval'], true);
  });

  it('"needs the Head’s OK before it goes out" under the channel’s heading', () => {
    expect(proposals('Our Facebook page\n\nEvery post with a child in it needs the Head’s OK before it goes out.')).toHaveProperty(
      ['photos.channels.social-media.headteacherApproval'],
      true,
    );
  });

  it('but the final say on something else is not publishing', () => {
    expect(proposals('The Headteacher has the final say on which devices pupils may bring to school.')).not.toHaveProperty(['decisions.photoPublication']);
  });
});
