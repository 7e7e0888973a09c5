import { describe, expect, it } from 'vitest';
import { proposals, uses } from '../../../../test/helpers/proposals.ts';
import { proposeSettings } from './engine.ts';

/**
 * Round 32 (session 18): who signs the policy beside the forms and dates on its last page; consent forms that one
 * sentence used to silence; who is told first; naming in more words.
 */

const signatories = (text: string) => proposals(text)['policyReview.signatories'];

describe('round 32: signature lines beside a form or a date', () => {
  it('a staff agreement’s "Name … Role … Signature" row in an appendix does not spoil the policy’s signatures', () => {
    const text = [
      '14.2 The reviewed policy is approved by the Full Governing Body.',
      '',
      'Signed: ………………………………… Headteacher        Date: ……………',
      '',
      'Signed: ………………………………… Chair of Governors   Date: ……………',
      '',
      'I have read the Online Safety Policy and I will report any concern to the DSL the same day.',
      '',
      'Name: ………………………………   Role: …………………………   Signature: …………………………   Date: ……………',
      '',
      'Name: ______________________  House: ____________  Signed: ______________________  Date: __________',
    ].join('\n');
    expect(signatories(text)).toEqual(['Headteacher', 'Chair of governors']);
  });

  it('the approval and review dates under the signatures end the block: a body that approves does not sign', () => {
    const text = [
      'We review this policy every year.',
      '',
      'Signed: J. Okonkwo-Hale, Headteacher',
      'Signed: P. Mensah, Chair of Governors',
      'Approved by the Full Governing Body: 3 October 2024',
      'Next review: Autumn 2025',
    ].join('\n');
    expect(signatories(text)).toEqual(['Headteacher', 'Chair of governors']);
  });

  it('a sentence that starts "Signed agreements are…" is no line to sign on', () => {
    const text = [
      '11.2 Signed agreements are kept by the office. A child whose agreement has not come back may still use devices with an adult.',
      '',
      'Signed: ............................................ (Chair, Curriculum Committee)',
      '',
      'Signed: ............................................ (Headteacher)',
    ].join('\n');
    expect(signatories(text)).toEqual(['Chair, curriculum committee', 'Headteacher']);
  });

  it('the chair of the LAC signs; Pennaeth signs as written, and "Pennaeth / Headteacher" is one post', () => {
    expect(signatories('Signed: ______ Principal   Date: ____\nSigned: ______ Chair of the LAC    Date: ____')).toEqual(['Principal', 'Chair of the lac']);
    expect(signatories('Signed: ______ Chair of Governors   Date: ____\n\nSigned: ______ Pennaeth   Date: ____')).toEqual(['Chair of governors', 'Pennaeth']);
    expect(signatories('Llofnodwyd / Signed: ______ Pennaeth / Headteacher\n\nSigned: ______ Chair of Governors')).toEqual([
      'Headteacher',
      'Chair of governors',
    ]);
  });

  it('a form’s own signer still spoils nothing and adds nothing', () => {
    expect(signatories('Name: __________  Signed: __________  Date: ______')).toBeUndefined();
  });
});

describe('round 32: a clause whose lines hang under its words', () => {
  it('a line indented to where the clause’s words start carries on the clause, whatever its first letter', () => {
    const text = [
      '9.  REPORTING AND RESPONDING TO INCIDENTS',
      '',
      '9.1   All online safety concerns shall be reported to the DSL (or in the DSL’s absence the Deputy',
      '      DSL) immediately, and in any event before the end of the same school day, and recorded',
      '      on CPOMS.',
    ].join('\n');
    const found = proposals(text);
    expect(found['concerns.routes.safeguarding.immediate']).toBe(true);
    expect(found['concerns.routes.safeguarding.deadline']).toBe('same-day');
  });

  it('a short numbered heading keeps its own line above its indented body', () => {
    const text = [
      '3. Photo consent - the list has changed',
      '   Consent is now asked for every September on the parent app, with separate boxes for newsletter, website,',
      '   social media and press.',
    ].join('\n');
    const lapse = proposeSettings(text).proposals.find((p) => p.setting === 'consent.lapse');
    expect(lapse?.quote).toMatch(/^Consent is now asked/);
    expect(lapse?.line).toBe(2);
  });

  it('a line indented elsewhere is a line of its own', () => {
    const text = ['9.1   All online safety concerns shall be reported to the DSL', '  Immediately after a lesson the class goes to lunch.'].join('\n');
    expect(proposals(text)['concerns.routes.safeguarding.immediate']).toBeUndefined();
  });
});

describe('round 32: families told unless that would put the child at risk', () => {
  it('is left to judgement, however long the clause before "risk"', () => {
    const text =
      'Online safety incidents\n\nAny safeguarding concern is reported to the DSL. Parents will be informed by the DSL unless there is good reason to believe that involving them would put the pupil at risk.';
    expect(proposals(text)['concerns.routes.safeguarding.tell']).toBeUndefined();
  });
});

describe('round 32: a form’s instructions are no opt-out', () => {
  const form = (notes: string) =>
    [
      'IMAGE CONSENT FORM',
      '',
      'Please tick ONE box on EVERY line.',
      '',
      '| No. | How we might use your child’s photo | YES | NO | Notes |',
      '|-----|-----|-----|----|-------|',
      '| 1 | Displays in school — classrooms, corridors, the hall | ☐ | ☐ | First name may be shown with the photo. |',
      '| 4 | The school website | ☐ | ☐ | No names. |',
      `| 7 | Local newspapers (Hexley Gazette) | ☐ | ☐ | ${notes} |`,
    ].join('\n');

  it('"Tick NO if you don’t want this" in a row’s notes is how to answer the form', () => {
    expect(uses(form('The paper may print your child’s FULL NAME with the photo. Tick NO if you don’t want this.'))).toEqual(['displays', 'press', 'website']);
  });

  it('a row that runs unless a carer objects still makes the form opt-out', () => {
    // (Nor from the rows' naming notes: the page asks about none of its uses.)
    expect(uses(form('If you do not want your child’s photo in the paper, please tell the office.'))).toEqual([]);
  });

  it('an opt-out of a name in a list, under a heading about photos, is not of images', () => {
    const text = [
      'PART A – PHOTOS AND VIDEOS OF YOU',
      '',
      'In Part C you tick YES or NO for each of the following:',
      '',
      '1. Displays inside the academy',
      '2. The academy website',
      '',
      'Your name without a photo may appear in the results day list. If you don’t want to appear in the results list tell Mr Collier by the end of July.',
    ].join('\n');
    expect(uses(text)).toEqual(['displays', 'website']);
  });
});

describe('round 32: options ticked by letter, and a naming exception', () => {
  it('"[ ] D – press and employer partner publications" asks about the press', () => {
    const text = [
      '## 4. Photographs, video and consent',
      '',
      '4.1 On enrolment every student completes the Media Consent section of the admissions form. The options are:',
      '',
      '  [ ] A – internal use only (displays, internal newsletters)',
      '  [ ] B – UTC website and printed prospectus',
      '  [ ] D – press and employer partner publications, incl. case studies',
    ].join('\n');
    expect(uses(text)).toContain('press');
    expect(uses(text)).toContain('website');
  });

  it('"first name and grades only unless the student asks otherwise" is how pupils are named, not an opt-out of the uses', () => {
    const text = [
      'Photographs and consent',
      '',
      'Every student completes the Media Consent form. The options are:',
      '',
      '  [ ] A – the UTC website',
      '  [ ] B – UTC social media channels',
      '',
      'Results day press photos: first name and grades only unless the student asks otherwise.',
    ].join('\n');
    // (The press photos' naming rule, full names at the student's say, makes the press a use the school makes.)
    expect(uses(text)).toEqual(['press', 'social-media', 'website']);
  });

  it('"press" as a verb is no use', () => {
    expect(uses('Consent form\n\nPlease tick the uses you agree to:\n\n[ ] A – the school website\n\nPress, hold and release the button to send.')).toEqual([
      'website',
    ]);
  });
});

describe('round 32: who is told first, and who only next', () => {
  const notify = (text: string, kind: string) => proposals(text)[`concerns.routes.${kind}.notify`];

  it('"Tell the class teacher, who … lets the DSL know": the class teacher is told first', () => {
    expect(
      notify('Online bullying is dealt with like any other bullying. Tell the class teacher, who logs it on CPOMS and lets the DSL know.', 'cyber-bullying'),
    ).toEqual(['class-teacher']);
  });

  it('"to the Network Manager, who will block the site, and to the DSL": both are told', () => {
    expect(
      notify(
        'Where a pupil accidentally accesses inappropriate material, the adult present should report it to the Network Manager, who will block the site, and to the DSL, who will decide whether parents need to be informed.',
        'inappropriate-content',
      ),
    ).toEqual(['ict-lead', 'dsl']);
  });

  it('"tell any member of staff, who will pass it to the DSL": no one in particular first, so the DSL', () => {
    expect(
      notify(
        'If a student is contacted online by someone they do not know, they should tell any member of staff, who will pass it to the DSL the same day.',
        'contact-attempt',
      ),
    ).toEqual(['dsl']);
  });

  it('a kind named on a condition of its own ("then tell the DSL if there is any safeguarding side to it") is not the sentence’s kind', () => {
    const found = proposals(
      'If you come across something that you think ought to be blocked, tell the Computing Lead straight away and she will get it blocked, then tell the DSL if there is any safeguarding side to it.',
    );
    expect(found['concerns.routes.safeguarding.notify']).toBeUndefined();
    expect(found['concerns.routes.safeguarding.immediate']).toBeUndefined();
  });

  it('a stand-in named with "when she is out" is left out', () => {
    const found = proposals('The Headteacher (or the Deputy Head when she is out) approves every photograph before it is published on the website.');
    expect(found['photos.channels.website.headteacherApproval']).toBe(true);
    expect(found['decisions.photoPublication']).toBeUndefined();
  });
});

describe('round 32: a list of uses that depend on the permissions given', () => {
  it('"Depending on the permissions given, photographs may be used:" asks about each use below it', () => {
    const text = [
      '6.3 Using photographs',
      'Depending on the permissions given,',
      'photographs may be used:',
      '• on classroom and corridor displays',
      '• in the printed newsletter and school',
      'prospectus',
      '• on the school website',
    ].join('\n');
    const found = proposals(text);
    expect(found['consent.purposes.displays.active']).toBe(true);
    expect(found['consent.purposes.publications.active']).toBe(true);
    expect(found['consent.purposes.website.active']).toBe(true);
  });

  it('a list of uses with no word of consent asks about none', () => {
    const text = ['Using photographs', '', 'Photographs may be used:', '', '• on classroom and corridor displays', '• on the school website'].join('\n');
    expect(proposals(text)['consent.purposes.website.active']).toBeUndefined();
  });
});

describe('round 32: an unanswered form refuses', () => {
  const form = (line: string) =>
    ['Photographs – Permission Form', '', line, '', '| | YES | NO |', '|---|---|---|', '| School website | ☐ | ☐ |', '| School Facebook page | ☐ | ☐ |'].join(
      '\n',
    );

  it.each([
    'If you don’t return a form we will treat it as **No** to everything on it until we hear from you.',
    'If you don’t return the form, we will treat it as though you have said **no** to every use.',
  ])('%s', (line) => expect(uses(form(line))).toEqual(['social-media', 'website']));

  it('"If you do not return the slip, we will still use photographs on the website" is an opt-out', () => {
    expect(uses(form('If you do not return the slip, we will still use photographs on the website and Facebook.'))).toEqual([]);
  });
});

describe('round 32: an objection to any photograph at all, or to a crowd shot, is no opt-out of the uses', () => {
  const form = (line: string) =>
    [
      'Photographs – Permission Form',
      '',
      line,
      '',
      'D. Photos of my child on the school website (no names)   [ ]   [ ]',
      'E. Photos of my child on the school Facebook page (no names)   [ ]   [ ]',
    ].join('\n');

  it.each([
    'If you do not want ANY photographs taken of your child please speak to Miss Lomas and we will keep a paper record instead.',
    '(They may still appear in the background of a large crowd photo, e.g. the whole school on the front field – if you do not want this either, please tell the office.)',
  ])('%s', (line) => expect(uses(form(line))).toEqual(['social-media', 'website']));
});

describe('round 32: naming in more words', () => {
  const naming = (text: string) =>
    Object.fromEntries(
      Object.entries(proposals(text))
        .filter(([k]) => k.endsWith('.naming'))
        .map(([k, v]) => [k.split('.')[2], v]),
    );

  it.each([
    ['Names on our channels\n\n- Website: photos, and a first name and class may be used.', { website: 'first-names' }],
    ['5.3 On the website news pages and the prospectus, first name and year group may be used.', { website: 'first-names', prospectus: 'first-names' }],
    ['* In this Bulletin we only ever use first names.', { newsletter: 'first-names' }],
    ['- Facebook: never. We don’t tag or name children on Facebook.', { 'social-media': 'none' }],
    ['Local press (Skelmouth Gazette etc) .. full names only if consent box (d) ticked - MCO checks', { press: 'full-with-permission' }],
    ['• Pupils will only be named in the press if you have agreed to that particular story.', { press: 'full-with-permission' }],
    ['Press. We will only give a name to a newspaper where you have ticked box D.', { press: 'full-with-permission' }],
  ])('%s', (text, expected) => expect(naming(text)).toEqual(expected));

  it('a first name and initial is neither value', () => {
    expect(naming('On the website, first name and initial may be used.')).toEqual({});
  });
});

describe('round 32: a checklist’s boxes ask carers nothing', () => {
  it('a crisis checklist of tasks proposes no consent uses', () => {
    const text = [
      'Crisis communications checklist – images of pupils',
      '',
      '[ ] 1. Phone the press office before you say anything to a journalist.',
      '[ ] 2. Tell your DSL (if it isn’t you).',
      '[ ] 3. Lock down academy social media: pause scheduled posts on Facebook and Instagram.',
      '[ ] 4. Check the consent list before any photograph goes on the website.',
    ].join('\n');
    expect(Object.keys(proposals(text)).filter((k) => k.startsWith('consent.purposes'))).toEqual([]);
  });

  it('a form’s boxes still ask', () => {
    const text = [
      'Photograph consent form',
      '',
      '[ ] 1. Photos of my child on the school website',
      '[ ] 2. Photos of my child on the school Facebook page',
      '[ ] 3. Photos of my child in the local newspaper',
    ].join('\n');
    expect(proposals(text)['consent.purposes.website.active']).toBe(true);
  });
});
