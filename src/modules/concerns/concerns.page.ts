import type { ConcernsServices } from './services.ts';
import type { Actor } from '../../platform/auth/actor.ts';
import { may } from '../../platform/auth/access.ts';

const personLink = (p: { kind: string; id: string }) =>
  p.kind === 'pupil'
    ? `/pupils/${p.id}/chronology`
    : p.kind === 'staff'
      ? `/staff/${p.id}/chronology`
      : p.kind === 'carer'
        ? `/carers/${p.id}/chronology`
        : null;
const kindLabel: Record<string, string> = { pupil: 'Pupil', staff: 'Staff', carer: 'Carer', other: 'Outside the school' };

/** Everything the concern page shows, with the form values to put back after a mistake. */
export async function concernPage(services: ConcernsServices, actor: Actor, id: string, form: { values?: Record<string, unknown> } = {}) {
  const concern = await services.concerns.concern(actor, id);
  const values = form.values ?? {};
  const grounds = new Set([values.grounds].flat());
  const done = (key: string) => concern.timeline.some((e) => e.actionKey === key);
  // INC-6: a repeat's next step comes first; otherwise the action the settings name for this type (001 §9: carers told about cyber bullying).
  const repeatStep = concern.repeats.find((r) => r.nextStep && !done(r.nextStep.actionKey))?.nextStep ?? null;
  const typeStep = concern.suggestedAction && !done(concern.suggestedAction.key) ? concern.suggestedAction : null;
  const suggested = repeatStep ? { key: repeatStep.actionKey, text: repeatStep.text } : typeStep ? { key: typeStep.key, text: typeStep.text } : null;
  const known = (key: string | undefined) => (key && concern.actionKinds.some((a) => a.key === key) ? key : undefined);
  const chosenKind = (values.kind as string | undefined) ?? known(suggested?.key) ?? '';
  return {
    title: concern.text.summary,
    backLink: '/concerns',
    concern,
    suggested,
    people: concern.people.map((p) => ({ ...p, kindLabel: p.kind === 'pupil' && p.onRoll === false ? 'Ex-pupil' : kindLabel[p.kind], href: personLink(p) })),
    actionItems: [
      { value: '', text: 'Choose an action' },
      ...concern.actionKinds.map((a) => ({ value: a.key, text: a.label, selected: a.key === chosenKind })),
    ],
    groundItems: concern.outOfHoursPolicy.grounds.map((g) => ({ value: g.key, text: g.label, checked: grounds.has(g.key) })),
    groundLabels: Object.fromEntries(concern.outOfHoursPolicy.grounds.map((g) => [g.key, g.label])),
    outOfHoursCases: concern.outOfHoursPolicy.cases,
    values,
    canAct: concern.access === 'full' && concern.status === 'open',
    // 001 §9: cyber bullying is "automatically reported to the parent/carer": the letter, from the messages module, records "carers informed" here.
    carersMessageLink:
      concern.type === 'cyber-bullying' && concern.access === 'full' && concern.status === 'open' && may(actor, 'message:send')
        ? `/messages/new?template=cyber-bullying&concernId=${id}`
        : null,
    errors: [],
    fieldErrors: {},
  };
}
