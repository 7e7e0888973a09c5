import type { ConcernsServices } from './services.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { outOfHoursCases, outOfHoursGrounds } from './concerns.rules.ts';

const personLink = (p: { kind: string; id: string }) =>
  p.kind === 'pupil' ? `/pupils/${p.id}/chronology` : p.kind === 'staff' ? `/staff/${p.id}/chronology` : p.kind === 'carer' ? `/carers/${p.id}/chronology` : null;
const kindLabel: Record<string, string> = { pupil: 'Pupil', staff: 'Staff', carer: 'Carer', other: 'Outside the school' };

/** Everything the concern page shows, with the form values to put back after a mistake. */
export async function concernPage(services: ConcernsServices, actor: Actor, id: string, form: { values?: Record<string, unknown> } = {}) {
  const concern = await services.concerns.concern(actor, id);
  const values = form.values ?? {};
  const grounds = new Set([values.grounds].flat());
  const done = (key: string) => concern.timeline.some((e) => e.actionKey === key);
  // INC-6: a repeat's next step comes first; otherwise 001 §9: carers are told about cyber bullying.
  const repeatStep = concern.repeats.find((r) => r.nextStep && !done(r.nextStep.actionKey))?.nextStep ?? null;
  const suggested = repeatStep ? { key: repeatStep.actionKey, text: repeatStep.text }
    : concern.type === 'cyber-bullying' && !done('carers-informed') ? { key: 'carers-informed', text: 'For cyber bullying the policy says the carers are told, with advice on closing accounts.' } : null;
  const known = (key: string | undefined) => (key && concern.actionKinds.some((a) => a.key === key) ? key : undefined);
  const chosenKind = (values.kind as string | undefined) ?? known(suggested?.key) ?? '';
  return {
    title: concern.text.summary, backLink: '/concerns', concern, suggested,
    people: concern.people.map((p) => ({ ...p, kindLabel: p.kind === 'pupil' && p.onRoll === false ? 'Ex-pupil' : kindLabel[p.kind], href: personLink(p) })),
    actionItems: [{ value: '', text: 'Choose an action' }, ...concern.actionKinds.map((a) => ({ value: a.key, text: a.label, selected: a.key === chosenKind }))],
    groundItems: outOfHoursGrounds.map((g) => ({ value: g.key, text: g.label, checked: grounds.has(g.key) })),
    groundLabels: Object.fromEntries(outOfHoursGrounds.map((g) => [g.key, g.label])),
    outOfHoursCases, values, canAct: concern.access === 'full' && concern.status === 'open',
    errors: [], fieldErrors: {},
  };
}
