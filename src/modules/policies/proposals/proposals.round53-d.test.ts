/**
 * The thirty-ninth session's readings of uses without consent: displays that "do not require this consent", "do not need
 * separate permission", are "used without asking for consent" or "we do not ask for separate permission"; the student who
 * "may still ask not to be included"; and class photographs that include every child "unless you tell us".
 */
import { describe, expect, it } from 'vitest';
import { proposals } from '../../../../test/helpers/proposals.ts';

describe('displays used without consent', () => {
  it('"Photographs used inside the school for displays … do not require this consent": public task', () => {
    const text =
      'Photographs used inside the school for displays, learning walls and assessment do not require this consent, as they are part of the normal educational work of the school.';
    const found = proposals(text);
    expect(found).toHaveProperty(['consent.purposes.displays.basis'], 'public-task');
    expect(found).not.toHaveProperty(['consent.purposes.displays.active']);
  });

  it('"Displays in school … do not need separate permission"', () => {
    const text = 'Displays in school and photographs used within the classroom for learning do not need separate permission.';
    expect(proposals(text)).toHaveProperty(['consent.purposes.displays.basis'], 'public-task');
  });

  it('"…for classroom and corridor displays within the school are used without asking for consent"', () => {
    const text = 'Photographs taken for identification and for classroom and corridor displays within the school are used without asking for consent.';
    expect(proposals(text)).toHaveProperty(['consent.purposes.displays.basis'], 'public-task');
  });

  it('"Use on internal displays … does not require separate consent but the student may still ask not to be included": opt-out', () => {
    const text =
      'Photographs of students: use on internal displays and in course materials does not require separate consent but the student may still ask not to be included.';
    expect(proposals(text)).toHaveProperty(['consent.purposes.displays.basis'], 'opt-out');
  });

  it('"Photographs for displays require a signed form" beside a use asked about is no public task', () => {
    const text = 'We ask your permission for photographs on the website. Photographs for displays require a signed form.';
    expect(proposals(text)).not.toHaveProperty(['consent.purposes.displays.basis']);
  });
});

describe('class photographs that include every child unless the family says', () => {
  it('"Every child is in the class photograph unless you let the office know": opt-out', () => {
    const text = 'The school photographer visits each summer. Every child is in the class photograph unless you let the office know.';
    expect(proposals(text)).toHaveProperty(['consent.purposes.class-photo.basis'], 'opt-out');
  });

  it('"The answers you give last … unless you tell us that you have changed your mind" is how long consent lasts, not an opt-out', () => {
    const text =
      "We ask you whether your child may appear in school displays and class photographs. The answers you give last for the whole of your child's time at the school unless you tell us that you have changed your mind.";
    const found = proposals(text);
    expect(found).not.toHaveProperty(['consent.purposes.displays.basis']);
    expect(found).not.toHaveProperty(['consent.purposes.class-photo.basis']);
  });

  it('"Consent for displays lasts while the child is here unless parents tell the school otherwise" likewise', () => {
    const text = 'Consent for photographs in displays lasts while the child is at the school unless parents tell the school otherwise.';
    expect(proposals(text)).not.toHaveProperty(['consent.purposes.displays.basis']);
  });
});

describe('displays used when no form comes back', () => {
  it('"If you do not return the reply slip, we will only use photographs … for displays inside school": opt-out', () => {
    const text =
      'If you do not return the reply slip, we will only use photographs for the learning records described above and for displays inside school. We will not use them on the website or in the press.';
    const found = proposals(text);
    expect(found).toHaveProperty(['consent.purposes.displays.basis'], 'opt-out');
    expect(found).not.toHaveProperty(['consent.purposes.website.basis']);
  });

  it("\"If we don't have a form back from you, we won't use your child's photo on the website. We will still take photos for classroom displays.\"", () => {
    const text =
      "If we don't have a form back from you, we won't use your child's photo on the website, social media or in the press. We will still take photos for classroom displays and the app.";
    expect(proposals(text)).toHaveProperty(['consent.purposes.displays.basis'], 'opt-out');
  });

  it('"If we have not had a form back we will only use photographs inside school, for example on classroom displays, and not on the website": opt-out', () => {
    const text =
      'If we have not had a form back we will only use photographs of that child inside school, for example on classroom displays, and not on the website or in the newsletter.';
    expect(proposals(text)).toHaveProperty(['consent.purposes.displays.basis'], 'opt-out');
  });

  it('"…we will only use photographs with consent, so your child will not appear in displays" is no opt-out', () => {
    const text = 'If you do not return the form, we will only use photographs with consent, so your child will not appear in displays.';
    expect(proposals(text)).not.toHaveProperty(['consent.purposes.displays.basis']);
  });

  it('"If you do not return the form, we will not use photographs for displays" is no opt-out', () => {
    const text = 'If you do not return the form, we will not use photographs of your child for displays or on the website.';
    expect(proposals(text)).not.toHaveProperty(['consent.purposes.displays.basis']);
  });
});
