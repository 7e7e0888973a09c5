/**
 * The twenty-fourth session's readings of when and about what a concern is passed on, each written as a paraphrase of
 * what the keyed sets say, with a case that keeps the reading from going too far.
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

describe('a pupil who contacts a member of staff on a personal account', () => {
  it('is an attempt at contact, whoever it is told to', () => {
    const read = proposals(
      'If a student messages you through a private account, do not answer from that account. Inform the Designated Safeguarding Lead on the same working day.',
    );
    expect(read).toHaveProperty(['concerns.routes.contact-attempt.notify'], ['dsl']);
    expect(read).toHaveProperty(['concerns.routes.contact-attempt.deadline'], 'same-day');
  });

  it('but a pupil who contacts staff about homework on the school platform is not', () => {
    const read = proposals('If a pupil contacts a teacher through the learning platform, the teacher will reply within two days and tell the class tutor.');
    expect(read).not.toHaveProperty(['concerns.routes.contact-attempt.notify']);
  });
});

describe('the end of the day, in more words', () => {
  it('"no later than the end of the working day" is the same day', () => {
    expect(
      proposals('Any allegation against a member of staff must be reported to the Principal without delay and no later than the end of the working day.'),
    ).toHaveProperty(['concerns.routes.staff-misuse.deadline'], 'same-day');
  });

  it('"before the child goes home" and "before the end of the same school day" are the same day', () => {
    expect(
      proposals('Any safeguarding concern arising online must be passed to the Designated Person at once and in any case before the child goes home.'),
    ).toHaveProperty(['concerns.routes.safeguarding.deadline'], 'same-day');
    expect(proposals('Child protection concerns are reported to the DSL immediately, and in any event before the end of the same school day.')).toHaveProperty(
      ['concerns.routes.safeguarding.deadline'],
      'same-day',
    );
  });

  it('"before you leave that day" is the same day', () => {
    expect(proposals('If you see inappropriate content on a school laptop, tell the Online Safety Lead before you leave that day.')).toHaveProperty(
      ['concerns.routes.inappropriate-content.deadline'],
      'same-day',
    );
  });

  it('but a pupil leaving early is no deadline', () => {
    expect(
      proposals('If you see inappropriate content on a school laptop, tell the Online Safety Lead; the pupil may go home early if upset.'),
    ).not.toHaveProperty(['concerns.routes.inappropriate-content.deadline']);
  });
});

describe('a worry about another adult in school is about a member of staff', () => {
  it('when the sentence says the adult is in school', () => {
    const page = [
      '**…you are worried about what another adult in school is doing online**',
      '',
      'For example messaging a pupil or following pupils on social media. Tell the Head the same day.',
    ].join('\n');
    const read = proposals(page);
    expect(read).toHaveProperty(['concerns.routes.staff-misuse.notify'], ['headteacher']);
    expect(read).toHaveProperty(['concerns.routes.staff-misuse.deadline'], 'same-day');
  });

  it('but an adult a pupil does not know is someone contacting them', () => {
    expect(proposals('If you are worried about an adult a pupil does not know who has messaged them online, tell the DSL straight away.')).not.toHaveProperty([
      'concerns.routes.staff-misuse.notify',
    ]);
  });
});

describe('a list item stands under its lead before the heading over both', () => {
  const page = [
    'WHAT TO DO WHEN YOU SEE SOMETHING WORRYING',
    '',
    '5.1 Worries about a pupil (for example something they post, a message they show you, bullying or radicalisation):',
    '- tell the Designated Safeguarding Lead in person straight away;',
    '- write it up on CPOMS.',
    '',
    '5.2 Worries about an adult – a colleague, volunteer or visitor (for example messaging a pupil on a personal account):',
    '- report it to the Headteacher the same day;',
    '- do not tell the colleague concerned.',
  ].join('\n');

  it('so each list is routed by the worry its lead names', () => {
    const read = proposals(page);
    expect(read).toHaveProperty(['concerns.routes.safeguarding.notify'], ['dsl']);
    expect(read).toHaveProperty(['concerns.routes.staff-misuse.notify'], ['headteacher']);
    expect(read).toHaveProperty(['concerns.routes.staff-misuse.deadline'], 'same-day');
    expect(read).not.toHaveProperty(['concerns.routes.inappropriate-content.notify']);
  });

  it('and one about a nude image keeps its haste to that sort of concern', () => {
    const read = proposals(
      [
        '2.2 If the concern involves a nude or semi-nude image of anyone under 18, then:',
        '- do not view, copy or forward it;',
        '- tell the DSL immediately by phone.',
      ].join('\n'),
    );
    expect(read).not.toHaveProperty(['concerns.routes.safeguarding.immediate']);
  });

  it('"something that worries you" is not unsuitable content on its own', () => {
    const read = proposals(
      [
        'IF YOU ARE WORRIED ABOUT A CHILD',
        '',
        'If a child tells you something, or you see something that worries you (a mark, a comment, someone taking a photo):',
        '1. Stay calm and listen.',
        '2. Tell a DSL straight away.',
      ].join('\n'),
    );
    expect(read).toHaveProperty(['concerns.routes.safeguarding.notify'], ['dsl']);
    expect(read).not.toHaveProperty(['concerns.routes.inappropriate-content.notify']);
  });
});

describe('passing concerns on, and who raises them', () => {
  it('"pass online safety concerns to the DSL" names the DSL', () => {
    const read = proposals('All staff pass online safety concerns to the Designated Safeguarding Lead on the same day.');
    expect(read).toHaveProperty(['concerns.routes.safeguarding.notify'], ['dsl']);
    expect(read).toHaveProperty(['concerns.routes.safeguarding.deadline'], 'same-day');
  });

  it('but passing a ball to a partner is no telling', () => {
    expect(proposals('In PE, pupils pass the ball to a partner; online safety concerns are covered in section 9.')).toEqual({});
  });

  it('a parent who rings the school about their child is a concern raised by a carer', () => {
    expect(proposals('If a parent phones the school to say their child has been sent an image, the call is passed to the DSL.')).toHaveProperty(
      ['concerns.routes.raised-by-carer.notify'],
      ['dsl'],
    );
  });
});

describe('friend requests given as an example of a member of staff’s conduct', () => {
  it('are that conduct, not a pupil’s attempt at contact', () => {
    const read = proposals(
      'If your worry is about how an adult who works at our school is behaving towards children – for example messages or friend requests – please tell the Headteacher.',
    );
    expect(read).toHaveProperty(['concerns.routes.staff-misuse.notify'], ['headteacher']);
    expect(read).not.toHaveProperty(['concerns.routes.contact-attempt.notify']);
  });

  it('but a low-level concern about staff conduct names no route', () => {
    const read = proposals(
      'Low-level concerns about staff conduct online (for example, a teacher who has accepted a follow request from a pupil) are shared with the Deputy Head.',
    );
    expect(read).not.toHaveProperty(['concerns.routes.contact-attempt.notify']);
    expect(read).not.toHaveProperty(['concerns.routes.staff-misuse.notify']);
  });

  it('and a pupil’s friend request, said on its own, is still an attempt at contact', () => {
    expect(proposals('Any friend request from a pupil must be declined and reported to the DSL.')).toHaveProperty(
      ['concerns.routes.contact-attempt.notify'],
      ['dsl'],
    );
  });
});

describe('class photographs the consent form does not cover', () => {
  const asks = 'Photographs and consent\n\nWhen a child joins, parents are asked to complete the photograph consent form.\n\n';

  it('kept on the shared drive are kept, not shared', () => {
    const read = proposals(
      `${asks}Retention\n\nPhotographs on the staff shared drive are deleted when the children leave, apart from the whole-class photographs, which go in the school archive.`,
    );
    expect(read).not.toHaveProperty(['consent.purposes.class-photo.active']);
  });

  it('taken on legitimate interests are no use asked about', () => {
    const read = proposals(
      `${asks}The annual class photographs taken by the contracted school photographer are taken for the academy's legitimate purposes and are not covered by the consent form.`,
    );
    expect(read).not.toHaveProperty(['consent.purposes.class-photo.active']);
  });

  it('but class photographs the form asks about are', () => {
    const read = proposals(
      'Photographs and consent\n\nThe form asks separately for consent to:\n\n- the school website\n- class photographs taken by the school photographer',
    );
    expect(read).toHaveProperty(['consent.purposes.class-photo.active'], true);
  });
});

describe('a negation inside an aside is the aside’s', () => {
  it('"– including contact from an adult they do not know –" does not negate the reporting', () => {
    const read = proposals(
      'Anything that suggests a pupil may be at risk of harm – including a pupil being messaged by an adult they do not know – must be reported to the Designated Safeguarding Lead at once.',
    );
    expect(read).toHaveProperty(['concerns.routes.safeguarding.notify'], ['dsl']);
    expect(read).toHaveProperty(['concerns.routes.safeguarding.immediate'], true);
  });

  it('but a rule said not to apply still reads nothing', () => {
    expect(proposals('Concerns about a pupil at risk of harm do not need to be reported to the DSL immediately.')).not.toHaveProperty([
      'concerns.routes.safeguarding.immediate',
    ]);
  });
});

describe('what a colleague does, in more words', () => {
  it('a colleague taking photos of children, or messaging pupils', () => {
    const read = proposals(
      'This includes a colleague taking photos of children on their own phone or messaging pupils. Report it to the Headteacher without delay.',
    );
    expect(read).toHaveProperty(['concerns.routes.staff-misuse.notify'], ['headteacher']);
    expect(read).toHaveProperty(['concerns.routes.staff-misuse.immediate'], true);
  });

  it('images of children on someone’s personal device', () => {
    expect(proposals('If you believe photographs of pupils are on a colleague’s personal phone, tell the Headteacher straight away.')).toHaveProperty(
      ['concerns.routes.staff-misuse.notify'],
      ['headteacher'],
    );
  });

  it('something a member of staff has done or posted', () => {
    expect(proposals('If you are worried about something a member of staff has posted online, tell the Principal.')).toHaveProperty(
      ['concerns.routes.staff-misuse.notify'],
      ['headteacher'],
    );
  });

  it('but pupils’ own photographs on their own phones are not about staff', () => {
    expect(proposals('If pupils take photographs of other pupils on their own phones, staff tell the Head of Year.')).not.toHaveProperty([
      'concerns.routes.staff-misuse.notify',
    ]);
  });
});

describe('the age the school holds pupils to, in more words', () => {
  it('"Staff will not help a pupil under 13 to set up a social media account"', () => {
    expect(proposals('Staff will not help a pupil under 13 to set up or use a social media account.')).toHaveProperty(['ageLimits.socialMediaMinimumAge'], 13);
  });

  it('"If we learn that a pupil under 13 has a social media account…"', () => {
    expect(proposals('If we learn that a pupil under 13 has a social media account, the class teacher will let the Headteacher know.')).toHaveProperty(
      ['ageLimits.socialMediaMinimumAge'],
      13,
    );
  });

  it('a year group beside the age is no second age', () => {
    expect(
      proposals('Students under 13 should not have accounts on Snapchat or TikTok, and we will tell parents if a Year 7 or Year 8 student under 13 has one.'),
    ).toHaveProperty(['ageLimits.socialMediaMinimumAge'], 13);
  });

  it('but two ages for social media still settle nothing', () => {
    expect(proposals('Pupils under 13 should not use TikTok, and pupils under 16 should not use WhatsApp.')).not.toHaveProperty([
      'ageLimits.socialMediaMinimumAge',
    ]);
  });
});

describe('the LADO told, in more words', () => {
  it('"will refer an allegation about a member of staff to the LADO"', () => {
    expect(
      proposals('The Principal will refer an allegation about a member of staff to the Local Authority Designated Officer within one working day.'),
    ).toHaveProperty(['concerns.routes.staff-misuse.tell'], ['lado']);
  });

  it('"They contact the LADO within 1 working day"', () => {
    expect(proposals('Concerns about a colleague go to the Head. They contact the LADO within 1 working day.')).toHaveProperty(
      ['concerns.routes.staff-misuse.tell'],
      ['lado'],
    );
  });

  it('but a LADO who may be consulted is no duty', () => {
    expect(proposals('The Head may refer an allegation about a member of staff to the LADO.')).not.toHaveProperty(['concerns.routes.staff-misuse.tell']);
  });
});

describe('families told, beside a discretion of another clause', () => {
  it('"The DSL will inform the parents and may refer the matter to the police" tells the parents', () => {
    const read = proposals(
      'If a pupil is contacted online by an adult they do not know, staff must tell the DSL at once. The DSL will inform the parents and may refer the matter to the police.',
    );
    expect(read).toHaveProperty(['concerns.routes.contact-attempt.tell'], ['carers']);
  });

  it('"…will investigate and inform the parents of the pupils involved"', () => {
    expect(
      proposals('Cyberbullying between pupils is reported to the Head of Year, who will investigate and inform the parents of the pupils involved.'),
    ).toHaveProperty(['concerns.routes.cyber-bullying.tell'], ['carers']);
  });

  it('but parents the DSL may inform are no duty', () => {
    expect(
      proposals('If a pupil is contacted online by an adult they do not know, staff must tell the DSL at once. The DSL may inform the parents.'),
    ).not.toHaveProperty(['concerns.routes.contact-attempt.tell']);
  });
});
