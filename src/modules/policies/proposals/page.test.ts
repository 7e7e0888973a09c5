import { describe, expect, it } from 'vitest';
import { proposeSettings } from './engine.ts';

/** The consent purposes a page proposes as asked for, sorted. */
function consentUses(page: string): string[] {
  return proposeSettings(page)
    .proposals.filter((p) => /^consent\.purposes\.[a-z-]+\.active$/.test(p.setting) && p.value === true)
    .map((p) => p.setting.split('.')[2])
    .sort();
}

describe('consent uses read from the whole page (page-level reader)', () => {
  it('consent asked once on joining; the places pictures go are stated in later paragraphs', () => {
    const page = [
      'Pictures of Pupils',
      '',
      'When your child starts with us, we ask you to sign to say you agree to your child being photographed while at school.',
      '',
      'We like to celebrate what the children do. Pictures of pupils may be used on the school website and in the termly newsletter.',
      '',
      'Some pictures will appear in the local paper when we win a competition.',
      '',
      'Artwork and pictures of the children at work may also be put up on classroom walls.',
    ].join('\n');
    expect(consentUses(page)).toEqual(['displays', 'press', 'publications', 'website']);
  });

  it('a bulleted list of uses, then a request to answer yes or no to each of them', () => {
    const page = [
      'Photographs in School',
      '',
      'We might use pictures of your son or daughter in these ways:',
      '- in the prospectus',
      '- on our Twitter feed',
      '- in a regional newspaper',
      '',
      'Please circle yes or no against each of the three ways listed above and return this sheet to the office.',
    ].join('\n');
    expect(consentUses(page)).toEqual(['press', 'publications', 'social-media']);
  });

  it('a form of numbered questions: each question is a use consent is asked for', () => {
    const page = [
      'Image Permission Form',
      '',
      '1. Can we use a photograph of your child on the academy website?',
      'Yes / No',
      '2. Would you be happy for your child to be shown in the media, such as the local newspaper?',
      'Yes / No',
      '3. Do you agree to the school photographer taking individual and class photographs each year?',
      'Yes / No',
    ].join('\n');
    expect(consentUses(page)).toEqual(['class-photo', 'press', 'website']);
  });

  it('a title that is a permission form for pictures to be published names the channel', () => {
    const page = [
      'Permission for Pictures to be Published on the Nursery Website',
      '',
      'From time to time we take pictures of the children playing and learning.',
      '',
      'I give permission for pictures of my child to be used as described.',
      '',
      'Signed: ____ Date: ____',
    ].join('\n');
    expect(consentUses(page)).toEqual(['website']);
  });

  it('consent for the use of photographs in general, next to what that covers', () => {
    const page = [
      'Use of Photographs',
      '',
      'We ask all families for their consent to the use of photographs of their children. Photographs are used in our publicity leaflets, on the school website and in the press.',
    ].join('\n');
    expect(consentUses(page)).toEqual(['press', 'publications', 'website']);
  });

  it('a section headed by images in a longer policy reads its own uses, not the other sections’', () => {
    const page = [
      'Online Safety Policy',
      '',
      'Communication',
      '',
      'The school website holds our newsletters and term dates.',
      '',
      'Images of Pupils',
      '',
      'We ask carers for their permission before we take pictures of their children. Pictures may be used on the school Facebook page.',
      '',
      'Email',
      '',
      'Staff should use their school email account.',
    ].join('\n');
    expect(consentUses(page)).toEqual(['social-media']);
  });

  it.each<[string, string[], string[]]>([
    [
      'consent on entry for being photographed; a later paragraph says where images will appear',
      [
        'Use of images',
        '',
        'Every family is asked on entry for permission for their child to be photographed.',
        '',
        'Your child’s image may appear on our website or on our Facebook page.',
      ],
      ['social-media', 'website'],
    ],
    [
      'a list led by "in the following ways", then "tick yes or no for each of the above"',
      [
        'Photographs',
        '',
        'We would like to use photographs of your child in the following ways:',
        '• in displays in school',
        '• on the school website',
        '',
        'Please tick yes or no for each of the above.',
      ],
      ['displays', 'website'],
    ],
    [
      'questions each with Yes/No on the same line',
      [
        'Photograph Permission',
        '',
        '1. May we use photographs of your child on the school website? Yes/No',
        '2. May we post photos of your child on the school Twitter account? Yes/No',
      ],
      ['social-media', 'website'],
    ],
    [
      'an outside photographer asked about as a question',
      ['Photography Consent', '', 'Is it ok for an outside photographer to take individual and class photographs of your child?'],
      ['class-photo'],
    ],
    [
      'a negated use beside a question: the question only',
      ['Photography Consent', '', 'We will never use pictures of children on social media.', 'May we use your child’s photograph in displays? Yes/No'],
      ['displays'],
    ],
    [
      'a list flattened by web copy (items ending in ";" under a lead ending in ":"), then "parents are asked to sign"',
      [
        'Photographs at Nursery',
        '',
        'We may take photographs of your child for these reasons:',
        '',
        'to record their progress;',
        '',
        'to include in newsletters and displays;',
        '',
        'the local media may be invited to take photographs for publicity;',
        '',
        'images may also go on our website.',
        '',
        'Parents are asked to sign an image consent form.',
      ],
      ['displays', 'press', 'publications', 'website'],
    ],
    [
      'a form whose rows are channels marked Yes / No',
      [
        'Photograph Consent Form',
        '',
        'Please give your consent by ticking yes or no.',
        '',
        'School website   Yes / No',
        'Newsletters   Yes / No',
        'School Facebook page  Yes / No',
      ],
      ['publications', 'social-media', 'website'],
    ],
    [
      'tick boxes under "as below"',
      [
        'Photograph Consent Form',
        '',
        'I give consent for my child’s photograph to be used as below:',
        '',
        '☐ On the school website',
        '☐ In the local newspaper',
      ],
      ['press', 'website'],
    ],
    [
      'displays "part of our public task and need no consent", consent asked for uses outside school',
      [
        'Use of Photographs',
        '',
        'Photographs matter to us. We use them on classroom displays, which is part of our public task and needs no consent.',
        '',
        'We ask parents for consent for the use of photographs outside school. Photographs may appear in the school newsletter and on the school website.',
      ],
      ['publications', 'website'],
    ],
    [
      'a question with its Yes / No on the line that points to the list above ("in these ways")',
      [
        'Photographs',
        '',
        'Pictures of pupils are used in the following places:',
        '- the newsletter',
        '- the school website',
        '',
        'Do you give permission for your child’s photograph to be used in these ways? Yes / No',
      ],
      ['publications', 'website'],
    ],
    [
      'permission to photograph asked at the start; a later section says where images are used',
      [
        'Taking and using images of children',
        '',
        'When your child starts school we will ask for your permission to photograph them.',
        '',
        'Where images are used',
        '',
        'Images of children are published on the school website.',
        'Occasionally pictures appear in local newspapers, for example after a sports event.',
      ],
      ['press', 'website'],
    ],
    [
      'a question about a newspaper photographing the child',
      ['Image consent', '', 'Are you happy for your child to be photographed by a local newspaper at school events? Yes / No'],
      ['press'],
    ],
  ])('%s', (_name, lines, expected) => {
    expect(consentUses(lines.join('\n'))).toEqual(expected);
  });
});

describe('the page-level reader proposes nothing when the page does not ask carers for consent for images', () => {
  it('a code of conduct for staff that mentions the website', () => {
    const page = [
      'Staff Code of Conduct',
      '',
      'Staff must make sure that consent has been given before any picture of a pupil is placed on the website.',
      'Staff should not use their own phones to take pictures of pupils. Pictures for the newsletter are taken on school cameras.',
    ].join('\n');
    expect(consentUses(page)).toEqual([]);
  });

  it('a page about parents taking their own photographs at events', () => {
    const page = [
      'Parents Taking Photographs at School Events',
      '',
      'Parents are welcome to take photographs of their own children at the nativity play. We ask you for your consent to follow these rules.',
      'Please do not post pictures that show other children on Facebook or any other social media.',
    ].join('\n');
    expect(consentUses(page)).toEqual([]);
  });

  it('a page that says displays need no consent asks for none for displays', () => {
    const page = [
      'Photographs of Children',
      '',
      'No consent is needed for photographs on displays around the school, which are part of our public task.',
      '',
      'We will ask your permission before photographs of your child are used. Photographs may be used in the prospectus.',
    ].join('\n');
    expect(consentUses(page)).toEqual(['publications']);
  });

  it('an opt-out page reads nothing', () => {
    const page = [
      'Photographs',
      '',
      'We ask for your consent when your child joins. Pictures may be used on the website and in the newsletter.',
      'If you do not want your child’s picture in the newsletter, please let the office know.',
    ].join('\n');
    expect(consentUses(page)).toEqual([]);
  });

  it('a page that asks consent for trips, not images, names no use', () => {
    const page = [
      'School Trips',
      '',
      'We ask for your consent before your child goes on any trip out of school.',
      'Details of each trip and pictures from it will be posted on the school website and in the newsletter.',
    ].join('\n');
    expect(consentUses(page)).toEqual([]);
  });

  it('the press taking its own pictures at an event is not a use consent is asked for', () => {
    const page = [
      'Photographs of Pupils',
      '',
      'We ask you for your consent to photographs of your child being taken in school.',
      'Sometimes press photographers visit to take pictures of sports day.',
    ].join('\n');
    expect(consentUses(page)).toEqual([]);
  });

  it('a negated use is none', () => {
    const page = [
      'Photographs of Pupils',
      '',
      'We seek your consent for photographs of your child. Photographs are never published on social media.',
      'Photographs may be used in class displays.',
    ].join('\n');
    expect(consentUses(page)).toEqual(['displays']);
  });
  it.each<[string, string[]]>([
    [
      'a rule for parents’ own pictures, "consent" to the rules',
      [
        'Photography at school events',
        '',
        'Parents may take photographs of their own children at events.',
        'We ask that you give consent to our rules: images must not be posted on social media.',
      ],
    ],
    [
      'consent for internet use on a page that mentions the website',
      [
        'Internet Access',
        '',
        'We ask parents for consent for their child to use the internet in school.',
        'Pupils’ work may be published on the school website.',
      ],
    ],
    [
      'a request in a section about another consent, the website in a section of its own',
      [
        'E-Safety Policy',
        '',
        'Consent',
        '',
        'Parents are asked to sign the acceptable use agreement and give consent for internet use.',
        '',
        'Website',
        '',
        'Photographs of pupils may be published on the website.',
      ],
    ],
    [
      'pictures taken by the press',
      [
        'Photographs',
        '',
        'Parents give consent for photographs when their child starts.',
        'Photographs taken by visiting press photographers may appear in the newspaper.',
      ],
    ],
    ['the Headteacher’s permission', ['Images', '', 'Permission from the Headteacher is needed before images are used.', 'Images may be used on the website.']],
    [
      'the press asked about separately',
      [
        'Photographs',
        '',
        'We ask for your consent to photographs of your child when they join.',
        'If a newspaper wants to use a picture, we will contact you separately.',
      ],
    ],
    [
      'a form that assumes yes when it is not returned',
      ['Photograph Consent', '', 'Website  Yes / No', '', 'If you do not return this form, we will assume you are happy for photos to be used.'],
    ],
    [
      'a staff agreement in the first person',
      [
        'Staff Acceptable Use Agreement',
        '',
        'I agree that I will only upload images of pupils to the school website with parental consent.',
        'I will not use social media to contact pupils.',
      ],
    ],
    [
      'a question on a page of images that asks about no image',
      ['Photographs and Contact', '', 'We take photographs of the children during the day.', '', 'Can we use social media to send you reminders about events?'],
    ],
    [
      'a yes-or-no question about something else on a page of photographs',
      ['Photographs', '', 'Please answer yes or no: does your child have any allergies?', 'Pictures of the lunch menu are on the website.'],
    ],
  ])('%s', (_name, lines) => {
    expect(consentUses(lines.join('\n'))).toEqual([]);
  });
});
