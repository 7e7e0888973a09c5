import { describe, expect, it } from 'vitest';
import { proposals, uses } from '../../../../test/helpers/proposals.ts';

/**
 * Round 33 (session 19): readers written for the way any school says a thing, not for one set's layout. Each case
 * paraphrases the wording found in several blind sets, with different roles, channels and layouts.
 */

describe('round 33: a consent named by its channel', () => {
  it('"social media consent", "press/media consent" and "website consent" name the uses carers are asked about', () => {
    expect(uses('Photographs\n\nIf the pupil does not have social media consent recorded on Arbor, do not post the picture.')).toEqual(['social-media']);
    expect(uses('Images of students\n\nPress/media consent is a separate tick from website and social media consent.')).toEqual([
      'press',
      'social-media',
      'website',
    ]);
    expect(uses('Check that every child in the photograph has newsletter consent before it goes to print.')).toEqual(['publications']);
  });

  it('"consent for the newsletter", "permission for their use on Facebook", "said yes to social media" do too', () => {
    expect(uses('Children are named by first name only, and only where you have given consent for the newsletter.')).toEqual(['publications']);
    expect(uses('We only post pictures of pupils whose parents have said yes to social media on the data form.')).toEqual(['social-media']);
    expect(uses('Photographs of pupils go on our X page only where we hold parental consent for their use on X.')).toEqual(['social-media']);
  });

  it('a staff member’s own posting without consent, the Media Consent Form’s name, or a use needing no consent name nothing', () => {
    expect(uses('Staff must not post photographs on personal social media without consent.')).toEqual([]);
    expect(uses('Please return the Media Consent Form to the office by Friday so that your child’s photograph can be taken.')).toEqual([]);
    expect(uses('No consent is needed for classroom displays of pupils’ work and photographs.')).toEqual([]);
    // Consent for a trip, not for a channel.
    expect(uses('Pupils must have trip consent before they leave school.')).toEqual([]);
  });
});

describe('round 33: carers asked, with words between the asking and the question', () => {
  it('"asked on the data collection form whether they consent", "asked when their child joins to give written permission"', () => {
    expect(
      uses(
        "3.1 On joining the academy, parents/carers are asked on the data collection form whether they consent to their child's photograph being used (a) in school (displays, the prospectus), (b) on the website and (c) on social media.",
      ),
    ).toEqual(['displays', 'publications', 'social-media', 'website']);
    expect(uses('Families are asked when their child joins us to give written permission for photographs in the newsletter.')).toEqual(['publications']);
  });

  it('a question about something else, or staff asked, asks carers nothing', () => {
    expect(uses('Parents are asked at the start of each year whether they can help on trips to the museum.')).toEqual([]);
    expect(uses('Staff are asked on induction to give their consent for their photograph to appear on the website.')).toEqual([]);
  });
});

describe('round 33: someone named only to be passed over is not told', () => {
  it.each([
    ['If the concern is about the online conduct of a member of staff, it must be reported to the Headteacher, not the DSL.', 'staff-misuse', ['headteacher']],
    ['Concerns about a colleague’s online conduct go to the Principal (not the DSL) the same day.', 'staff-misuse', ['headteacher']],
    ['Any safeguarding concern must be passed to the Designated Safeguarding Lead, rather than the class teacher, straight away.', 'safeguarding', ['dsl']],
  ])('%s', (text, kind, who) => {
    expect(proposals(`Online safety\n\n${text}`)[`concerns.routes.${kind}.notify`]).toEqual(who);
  });
});

describe('round 33: the head approves all that a channel carries', () => {
  const approved = (text: string) =>
    Object.entries(proposals(`Our website and social media\n\n${text}`))
      .filter(([k, v]) => /\.headteacherApproval$/.test(k) && v === true)
      .map(([k]) => k.split('.')[2])
      .sort();

  it.each([
    [
      'Everything that goes on the website or the school Facebook page is checked and approved by the Headteacher before it is posted.',
      ['social-media', 'website'],
    ],
    ['Nothing goes on the website or Instagram until the Head Teacher has approved it.', ['social-media', 'website']],
    ['The Principal decides what is published on the academy website.', ['website']],
    ['Anything going on the Facebook page is checked by the Headteacher first.', ['social-media']],
    // The head signs off only what goes to the press; the office checks the rest.
    ['Nothing goes on the website or Facebook without the office’s check, and the Headteacher signs off anything going out to the press.', ['press']],
  ])('%s', (text, channels) => {
    expect(approved(text)).toEqual(channels);
  });

  it('who posts, or someone else who checks, is no approval by the head', () => {
    expect(approved('Everything that goes on the website is written by the office and the Headteacher.')).toEqual([]);
    expect(approved('Everything that goes on the school Facebook page is checked by the Business Manager.')).toEqual([]);
  });
});

describe('round 33: plain sentences every policy writes, in more words', () => {
  it.each([
    ['The policy is reviewed annually and approved by the Full Governing Body.', 'Full Governing Body'],
    ['This policy will be reviewed each year and ratified by the Local Governing Body.', 'Local Governing Body'],
    ['The policy is reviewed every two years and approved by the Trust Board.', 'Trust Board'],
  ])('%s', (text, body) => {
    expect(proposals(`Online Safety Policy\n\n${text}`)['policyReview.approvingBody']).toEqual(body);
  });

  it('"any changes will be approved by the governing body" names who approves changes, not the policy', () => {
    const text = 'Online Safety Policy\n\nThe Headteacher will review this policy annually, and any changes will be approved by the governing body.';
    expect(proposals(text)['policyReview.approvingBody']).toBeUndefined();
  });

  it('"without the Headteacher’s permission" says who approves a school account', () => {
    const text = 'Social media\n\nNo member of staff may set up a social media account for the school without the Headteacher’s permission.';
    expect(proposals(text)['decisions.accounts']).toEqual(['headteacher']);
  });
});

describe('round 33: occasions, displays and decisions in other words', () => {
  const banned = (text: string) => proposals(`Photographs\n\n${text}`)['photos.prohibitedContexts'];

  it('a state of dress bans no occasion it happens on; changing for swimming is swimming', () => {
    expect(
      banned('Staff will never photograph children:\n\n- while they are getting changed, including for PE, swimming and performances;\n- when they are upset.'),
    ).toEqual(['swimming']);
    expect(
      banned('Staff will never photograph children:\n\n- in toilets;\n- when they are getting ready for bed or in nightwear on residential trips.'),
    ).toBeUndefined();
    expect(banned('Photographs are never taken at the swimming pool or in nightwear on residential trips.')).toEqual(['swimming']);
  });

  it('notice boards are displays', () => {
    const text = 'We ask parents for consent before photographs of their child go on our notice boards in school.';
    expect(proposals(`Photographs\n\n${text}`)['consent.purposes.displays.active']).toBe(true);
  });

  it('"Decisions to unblock a site rest with…", "made by the DSL, with the Headteacher where it is disputed"', () => {
    expect(proposals('Filtering\n\nDecisions to unblock a site rest with the Headteacher.')['decisions.unblock']).toEqual(['headteacher']);
    expect(
      proposals('Filtering\n\nDecisions about what is blocked or unblocked are made by the DSL, with the Headteacher where it is disputed.')[
        'decisions.unblock'
      ],
    ).toEqual(['dsl']);
  });

  it('a class Twitter account is the school’s', () => {
    const text = 'Staff wishing to set up a class Twitter account must first seek approval from the Headteacher.';
    expect(proposals(`Social media\n\n${text}`)['decisions.accounts']).toEqual(['headteacher']);
  });
});

describe('round 33: routes, lapses and filtering in other words', () => {
  it.each([
    ['Any online safety incident involving a child must be reported to the DSL, who will decide what action to take.', 'safeguarding.notify', ['dsl']],
    ['Concerns about pupils’ safety must be passed on to the DSL as soon as possible and always within 24 hours.', 'safeguarding.deadline', '24-hours'],
    [
      'Staff must not investigate allegations against colleagues; these must be reported to the Headteacher immediately.',
      'staff-misuse.notify',
      ['headteacher'],
    ],
    ['Staff must not investigate allegations against colleagues; these must be reported to the Headteacher immediately.', 'staff-misuse.immediate', true],
  ])('%s (%s)', (text, setting, value) => {
    expect(proposals(`Online safety\n\n${text}`)[`concerns.routes.${setting}`]).toEqual(value);
  });

  it('a new consent form when the child moves to Key Stage 2 lapses at each key stage', () => {
    const text = 'Parents will be asked to complete a new consent form when their child moves from Key Stage 1 to Key Stage 2.';
    expect(proposals(`Photographs\n\n${text}`)['consent.lapse']).toBe('key-stage-change');
  });

  it('"Filtering changes must be authorised by…" decides both ways', () => {
    const found = proposals('Filtering\n\nFiltering changes must be authorised by the DSL and the Network Manager.');
    expect(found['decisions.unblock']).toEqual(['dsl', 'ict-lead']);
    expect(found['decisions.blockedContentRequests']).toEqual(['dsl', 'ict-lead']);
  });
});

describe('round 33: a header row naming the body that reviews the policy', () => {
  it('"| Policy reviewed by | Full Governing Body |" names the approving body; a person who reviews does not', () => {
    expect(proposals('Online Safety Policy\n\n| Policy reviewed by | Full Governing Body |\n| Date | September 2025 |')['policyReview.approvingBody']).toBe(
      'Full Governing Body',
    );
    expect(proposals('Online Safety Policy\n\n| Reviewed by | Headteacher |\n| Date | September 2025 |')['policyReview.approvingBody']).toBeUndefined();
  });
});

describe('round 33: those outside the staff told, in more words', () => {
  it.each([
    ['If an allegation is made against a member of staff, the Headteacher will inform the LADO within one working day.', 'staff-misuse', ['lado']],
    ['Allegations about staff are always referred to the Local Authority Designated Officer.', 'staff-misuse', ['lado']],
  ])('%s', (text, kind, who) => {
    expect(proposals(`Online safety\n\n${text}`)[`concerns.routes.${kind}.tell`]).toEqual(who);
  });

  it('"are referred" without "always" is no requirement', () => {
    expect(proposals('Online safety\n\nAllegations about staff are sometimes referred to the LADO.')['concerns.routes.staff-misuse.tell']).toBeUndefined();
  });
});

describe('round 33: tagging forbidden after the word', () => {
  it('"Tagging of pupils is not permitted on the school’s social media"; not a family asked', () => {
    expect(proposals('Social media\n\nTagging of pupils is not permitted on the school’s social media.')['photos.channels.social-media.tagging']).toBe(false);
    expect(proposals('Social media\n\nTagging of pupils is not permitted unless parents agree.')['photos.channels.social-media.tagging']).toBeUndefined();
  });
});

describe('round 33: the same day in other words', () => {
  it.each([
    'Staff must tell the DSL about any safeguarding concern on the day it arises.',
    'If you are worried about a child’s safety online, tell the DSL today, in person.',
  ])('%s', (text) => {
    expect(proposals(`Online safety\n\n${text}`)['concerns.routes.safeguarding.deadline']).toBe('same-day');
  });

  it('"today" in a date or a description is no deadline', () => {
    expect(
      proposals('Online safety\n\nToday most safeguarding concerns reach the DSL through CPOMS.')['concerns.routes.safeguarding.deadline'],
    ).toBeUndefined();
  });
});

describe('round 33: a form line the carer completes by striking a word', () => {
  it('"I give / do not give consent for…" asks about the use it names; "I do not give consent" alone asks nothing', () => {
    const form = [
      'Photograph consent',
      '',
      "I give / do not give consent for my child's photo to appear on the school website.",
      "I give / do not give consent for my child's photo to appear in the local press.",
    ].join('\n');
    expect(uses(form)).toEqual(['press', 'website']);
    expect(uses("Photograph consent\n\nI do not give consent for my child's photo to appear on the school website.")).toEqual([]);
  });
});

describe('round 33: retention and ages in other words', () => {
  it('"deleted after a maximum of 3 years"', () => {
    expect(proposals('Photographs\n\nImages will be securely deleted after a maximum of 3 years.')['retention.deletePhotosAfterYears']).toBe(3);
  });

  it('"social networks" are social media', () => {
    const text = "Pupils below the age of 13 must not have accounts on social networks, in line with the providers' terms.";
    expect(proposals(`Online safety\n\n${text}`)['ageLimits.socialMediaMinimumAge']).toBe(13);
  });
});

describe('round 33: a colleague as the subject of a worry', () => {
  it('"If you are worried about a colleague" over "Tell the Headteacher the same day"; a colleague’s online conduct in a table', () => {
    const headed =
      'Who to tell\n\nIf a child discloses abuse online\nTell the DSL straight away.\n\nIf you are worried about a colleague\nTell the Headteacher the same day.';
    expect(proposals(headed)['concerns.routes.staff-misuse.notify']).toEqual(['headteacher']);
    const table = "Concern | Who to tell | When\nA child is at risk of harm | DSL | Immediately\nA colleague's online conduct | Headteacher | Same day";
    expect(proposals(`Online safety\n\n${table}`)['concerns.routes.staff-misuse.deadline']).toBe('same-day');
  });
});

describe('round 33: consent by the carer, in other words', () => {
  it('"only with your permission" over a list of places; "only … where parents have opted in"', () => {
    const list =
      'Photographs\n\nWe may use photographs of children in the following places, but only with your permission:\n• the school website\n• our Facebook page\n• the school prospectus';
    expect(uses(list)).toEqual(['publications', 'social-media', 'website']);
    expect(uses("Photographs\n\nPhotos are only shared on the school's social media where parents have opted in.")).toEqual(['social-media']);
  });

  it('"only with permission" from no one in particular, or staff’s, asks carers nothing', () => {
    expect(uses('Photographs\n\nPhotos are only put on the website with permission from the Headteacher.')).toEqual([]);
  });
});

describe('round 33: examples given in the sentence after the route', () => {
  it('"…must be reported to the DSL straight away. This includes cyberbullying, contact from strangers…" routes those kinds alike', () => {
    const found = proposals(
      'Online safety\n\nAny online safety concern about a pupil must be reported to the DSL straight away and logged on CPOMS. This includes cyberbullying, contact from strangers and concerns that a pupil is being groomed.',
    );
    expect(found['concerns.routes.cyber-bullying.notify']).toEqual(['dsl']);
    expect(found['concerns.routes.contact-attempt.immediate']).toBe(true);
  });

  it('a sentence that says what is not included names no example', () => {
    const found = proposals(
      'Online safety\n\nAny online safety concern about a pupil must be reported to the DSL straight away. This does not include cyberbullying, which the class teacher handles.',
    );
    expect(found['concerns.routes.cyber-bullying.notify']).toBeUndefined();
  });
});
