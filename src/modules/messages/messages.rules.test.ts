import { describe, expect, it } from 'vitest';
import { deliveryPlan, mobileNumber } from './messages.rules.ts';
import { messageTemplates } from './messages.templates.ts';

const carers = [
  { id: 'a', email: 'a@example.com', phone: '07700 900101' },
  { id: 'a', email: 'a@example.com', phone: '07700 900101' },
  { id: 'b', email: null, phone: '07700 900102' },
  { id: 'c', email: null, phone: null },
  { id: 'd', email: 'd@example.com', phone: '0121 496 0000' },
];

describe('who gets what', () => {
  it('counts each carer once, and letters go to those nothing else reaches', () => {
    const { recipients, plan, notReached } = deliveryPlan(carers, ['email', 'sms', 'letter'], true);
    expect(recipients).toBe(4);
    expect(notReached).toBe(0);
    expect(plan.filter((p) => p.channel === 'email').map((p) => p.carerId)).toEqual(['a', 'd']);
    expect(plan.filter((p) => p.channel === 'sms').map((p) => p.carerId)).toEqual(['a', 'b']);
    expect(plan.filter((p) => p.channel === 'letter').map((p) => p.carerId)).toEqual(['c']);
  });

  it('without Notify, a carer with only a phone gets a letter', () => {
    const { plan } = deliveryPlan(carers, ['email', 'sms', 'letter'], false);
    expect(plan.filter((p) => p.channel === 'sms')).toEqual([]);
    expect(plan.filter((p) => p.channel === 'letter').map((p) => p.carerId)).toEqual(['b', 'c']);
  });

  it('e-mail alone leaves out those without an address, and says how many', () => {
    expect(deliveryPlan(carers, ['email'], true)).toMatchObject({ recipients: 4, notReached: 2 });
  });

  it.each([
    ['07700 900101', '07700900101'],
    ['+44 7700 900101', '+447700900101'],
    ['0121 496 0000', null],
  ])('%s is %s as a mobile number', (raw, expected) => expect(mobileNumber(raw)).toBe(expected));
});

describe('the templates', () => {
  const templates = messageTemplates({ schoolName: 'Hazelwood Primary', policiesUrl: 'https://school.example/policies', minimumAge: 13 }, 'whatsapp');
  it('the welcome has the policy link, the minimum age and the request about other children’s images', () => {
    const welcome = templates.find((t) => t.key === 'welcome')!;
    expect(welcome.body).toContain('https://school.example/policies');
    expect(welcome.body).toContain('aged 13 and over');
    expect(welcome.body).toContain('do not post photographs or videos of other people');
  });
  it('the cyber-bullying letter has advice for the platform and no detail about the child', () => {
    const letter = templates.find((t) => t.key === 'cyber-bullying')!;
    expect(letter.body).toContain('In WhatsApp');
    expect(templates.map((t) => t.key)).toEqual(['welcome', 'meeting', 'newsletter', 'social-post', 'cyber-bullying']);
  });
});
