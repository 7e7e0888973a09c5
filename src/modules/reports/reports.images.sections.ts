import { consentStatus, type Decision } from '../consent/consent.rules.ts';
import { basisFor, lapseContext } from '../consent/consent.service.ts';
import * as repo from './reports.repository.ts';
import { changeSentence, countText, percent, shareSentence, suppress } from './reports.rules.ts';
import type { ReportSection } from './reports.sections.ts';

/**
 * The report's photo consent and photographs sections (RPT-2): how many pupils may be photographed and published, and
 * what was published and checked. Counts of pupils could point at a child and are suppressed under 5.
 */

// ---------------------------------------------------------------- photo consent

interface ConsentFigures {
  pupils: number;
  byPurpose: Record<string, { may: number; mayNot: number; noAnswer: number }>;
  byClass: { title: string; byPurpose: Record<string, { may: number; mayNot: number; noAnswer: number }> }[];
  takedowns: { raised: number; done: number };
}

export const consentSection: ReportSection<ConsentFigures> = {
  key: 'consent',
  async collect({ tx, period, settings, asOf }) {
    const purposes = settings.consent.purposes.filter((p) => p.active).map((p) => p.key);
    const pupils = await repo.pupilsOnRollOn(tx, asOf);
    const ids = pupils.map((p) => p.id);
    const decisions = new Map<string, Decision[]>(ids.map((id) => [id, []]));
    for (const d of await repo.decisionsAsOf(tx, ids, asOf))
      decisions.get(d.pupil_id)?.push({
        purpose: d.purpose,
        decision: d.decision,
        carerId: d.carer_id,
        recordedAt: d.recorded_at,
        formVersion: d.form_version,
        yearGroup: d.year_group,
      });
    const carers = new Map<string, { carerId: string; parentalResponsibility: boolean }[]>(ids.map((id) => [id, []]));
    for (const c of await repo.carerLinksOf(tx, ids)) carers.get(c.pupil_id)?.push({ carerId: c.carer_id, parentalResponsibility: c.parental_responsibility });
    const empty = () => Object.fromEntries(purposes.map((p) => [p, { may: 0, mayNot: 0, noAnswer: 0 }]));
    const byPurpose = empty();
    const classes = new Map<string, ConsentFigures['byClass'][number]>();
    for (const pupil of pupils) {
      const title = pupil.class_title ?? 'No class';
      const cls = classes.get(title) ?? { title, byPurpose: empty() };
      classes.set(title, cls);
      for (const purpose of purposes) {
        const status = consentStatus(
          purpose,
          decisions.get(pupil.id) ?? [],
          carers.get(pupil.id) ?? [],
          lapseContext(settings, pupil.year_group, asOf),
          basisFor(settings, purpose),
        );
        const key = status === 'may' ? 'may' : status === 'may-not' ? 'mayNot' : 'noAnswer';
        byPurpose[purpose][key] += 1;
        cls.byPurpose[purpose][key] += 1;
      }
    }
    return {
      pupils: pupils.length,
      byPurpose,
      byClass: [...classes.values()].sort((a, b) => a.title.localeCompare(b.title)),
      takedowns: await repo.takedownsBetween(tx, period.from, period.to),
    };
  },
  json: (f) => ({
    byPurpose: Object.fromEntries(
      Object.entries(f.byPurpose).map(([p, c]) => [p, { may: suppress(c.may), mayNot: suppress(c.mayNot), noAnswer: suppress(c.noAnswer) }]),
    ),
    takedowns: { raised: suppress(f.takedowns.raised), done: suppress(f.takedowns.done) },
  }),
  view(f, last, settings) {
    const label = (key: string) => settings.consent.purposes.find((p) => p.key === key)?.label ?? key;
    const answered = (x: ConsentFigures) => {
      const all = Object.values(x.byPurpose);
      return percent(
        all.reduce((n, c) => n + c.may + c.mayNot, 0),
        all.reduce((n, c) => n + c.may + c.mayNot + c.noAnswer, 0),
      );
    };
    const cell = (c: { may: number; mayNot: number; noAnswer: number }) =>
      `${countText(suppress(c.may))} may, ${countText(suppress(c.mayNot))} may not, ${countText(suppress(c.noAnswer))} no answer`;
    const purposes = Object.keys(f.byPurpose);
    return {
      id: 'consent',
      title: 'Photo consent',
      change: shareSentence('The share of answers in from families', answered(f), last ? answered(last) : null),
      blocks: [
        {
          kind: 'chart',
          id: 'consent-by-purpose',
          title: 'Photo consent by purpose, pupils on roll',
          series: ['May', 'May not', 'No answer'],
          rows: Object.entries(f.byPurpose).map(([p, c]) => ({ label: label(p), values: [suppress(c.may), suppress(c.mayNot), suppress(c.noAnswer)] })),
        },
        {
          kind: 'table',
          title: 'Photo consent by class',
          head: ['Class', ...purposes.map(label)],
          rows: f.byClass.map((cls) => [cls.title, ...purposes.map((p) => cell(cls.byPurpose[p]))]),
        },
        {
          kind: 'facts',
          items: [
            { label: 'Pupils on roll', value: String(f.pupils) },
            { label: 'Takedowns after consent was withdrawn', value: countText(suppress(f.takedowns.raised)) },
            { label: 'Takedowns done', value: countText(suppress(f.takedowns.done)) },
          ],
        },
      ],
    };
  },
};

// ---------------------------------------------------------------- photographs

interface PhotoFigures {
  published: number;
  takenDown: number;
  refused: number;
  byChannel: Record<string, { published: number; refused: number }>;
}

export const photosSection: ReportSection<PhotoFigures> = {
  key: 'photos',
  async collect({ tx, period }) {
    const byChannel: PhotoFigures['byChannel'] = {};
    let published = 0;
    let takenDown = 0;
    let refused = 0;
    for (const row of await repo.publicationsBetween(tx, period.from, period.to)) {
      byChannel[row.channel] = { published: Number(row.published), refused: 0 };
      published += Number(row.published);
      takenDown += Number(row.taken_down);
    }
    for (const row of await repo.refusalsBetween(tx, period.from, period.to)) {
      byChannel[row.channel] = { published: byChannel[row.channel]?.published ?? 0, refused: Number(row.refused) };
      refused += Number(row.refused);
    }
    return { published, takenDown, refused, byChannel };
  },
  json: (f) => ({ published: suppress(f.published), refused: suppress(f.refused), takenDown: suppress(f.takenDown) }),
  view(f, last, settings) {
    const label = (key: string) => settings.photos.channels.find((c) => c.key === key)?.label ?? key;
    return {
      id: 'photos',
      title: 'Photographs published',
      change: changeSentence({ noun: f.published === 1 ? 'photograph' : 'photographs', verb: 'were published' }, f.published, last?.published ?? null),
      blocks: [
        {
          kind: 'chart',
          id: 'photos-by-channel',
          title: 'Photographs published and refused, by where they were to go',
          series: ['Published', 'Refused by the person deciding'],
          rows: Object.entries(f.byChannel).map(([channel, c]) => ({ label: label(channel), values: [suppress(c.published), suppress(c.refused)] })),
        },
        {
          kind: 'facts',
          items: [
            { label: 'Published', value: countText(suppress(f.published)) },
            { label: 'Taken down since', value: countText(suppress(f.takenDown)) },
            {
              label: 'Refused',
              value: `${countText(suppress(f.refused))}. Each refusal’s reason is on the photograph’s record; reasons are not copied here because they may name a child.`,
            },
          ],
        },
      ],
    };
  },
};
