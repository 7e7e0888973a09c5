export type Channel = 'email' | 'sms' | 'letter';

export interface Reachable {
  id: string;
  email: string | null;
  phone: string | null;
}

/**
 * How each carer is reached: by every electronic channel chosen that they have (and that is set
 * up: texts need GOV.UK Notify), and by letter when letters are chosen and nothing else reaches
 * them. Each carer is one recipient, however many children they have.
 */
export function deliveryPlan(carers: readonly Reachable[], channels: readonly Channel[], smsReady: boolean) {
  const seen = new Set<string>();
  const plan: { carerId: string; channel: Channel; address: string | null }[] = [];
  let notReached = 0;
  for (const carer of carers) {
    if (seen.has(carer.id)) continue;
    seen.add(carer.id);
    let reached = false;
    if (channels.includes('email') && carer.email) {
      plan.push({ carerId: carer.id, channel: 'email', address: carer.email });
      reached = true;
    }
    const phone = carer.phone ? mobileNumber(carer.phone) : null;
    if (channels.includes('sms') && smsReady && phone) {
      plan.push({ carerId: carer.id, channel: 'sms', address: phone });
      reached = true;
    }
    if (!reached && channels.includes('letter')) {
      plan.push({ carerId: carer.id, channel: 'letter', address: null });
      reached = true;
    }
    if (!reached) notReached++;
  }
  return { recipients: seen.size, plan, notReached };
}

/** A UK mobile number as Notify takes it (07… or +447…), or null for anything that cannot get a text (a landline). */
export function mobileNumber(raw: string): string | null {
  const digits = raw.replace(/[\s()-]/g, '');
  if (/^07\d{9}$/.test(digits)) return digits;
  if (/^\+447\d{9}$/.test(digits)) return digits;
  if (/^00447\d{9}$/.test(digits)) return `+${digits.slice(2)}`;
  return null;
}

export const channelLabels: Record<Channel, string> = { email: 'E-mail', sms: 'Text message', letter: 'Printed letter' };
