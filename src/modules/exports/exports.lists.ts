import type { Action } from '../../platform/auth/permissions.ts';
import type { SchoolTx } from '../../platform/db/school-scope.ts';
import { pupilsOnRollIn } from '../consent/consent.repository.ts';
import { statusesFor } from '../consent/consent.service.ts';
import type { PolicySettings } from '../settings/settings.schema.ts';
import * as repo from './exports.repository.ts';
import type { Cell } from './exports.rules.ts';
import { publishingChannels } from '../photos/photos.channels.ts';

/** One list a school can download: who may, its columns, its rows. A new list (registers, training) is one more entry. */
export interface ExportList {
  key: string;
  title: string;
  description: string;
  permission: Action;
  rows(tx: SchoolTx, settings: PolicySettings): Promise<{ head: string[]; rows: Cell[][] }>;
}

const date = (value: string | Date | null) => (value === null ? null : typeof value === 'string' ? value : value.toISOString().slice(0, 10));
const yesNo = (value: boolean) => (value ? 'Yes' : 'No');
const statusWords = { may: 'May', 'may-not': 'May not', 'no-answer': 'No answer' } as const;

export const exportLists: readonly ExportList[] = [
  {
    key: 'pupils',
    title: 'Pupils',
    description: 'Every pupil with their class, dates of birth, admission and leaving.',
    permission: 'export:lists',
    async rows(tx) {
      const head = ['Surname', 'First name', 'Preferred name', 'Date of birth', 'Class', 'Year group', 'Admitted', 'Left', 'On roll'];
      const rows = (await repo.pupils(tx)).map((p) => [
        p.family_name,
        p.given_name,
        p.preferred_name,
        date(p.date_of_birth),
        p.class_title,
        p.year_group,
        date(p.admission_date),
        date(p.leaving_date),
        yesNo(p.on_roll),
      ]);
      return { head, rows };
    },
  },
  {
    key: 'consent',
    title: 'Photo consent',
    description: 'For each pupil on roll, by class, what their carers answered for each purpose.',
    permission: 'export:lists',
    async rows(tx, settings) {
      const purposes = settings.consent.purposes.filter((p) => p.active);
      const pupils = (await pupilsOnRollIn(tx, {})).map((p) => ({ ...p }));
      const statuses = await statusesFor(
        tx,
        settings,
        pupils,
        purposes.map((p) => p.key),
      );
      const classTitles = new Map((await repo.pupils(tx)).map((p) => [p.id, p.class_title]));
      const rows = pupils
        .map((p) => [
          classTitles.get(p.id) ?? 'No class',
          p.family_name,
          p.given_name,
          // Issue 19: a pupil who must never be photographed shows the neutral marker, never the reason.
          ...purposes.map((purpose) => (p.do_not_photograph ? 'Do not photograph' : statusWords[statuses.get(p.id)?.get(purpose.key) ?? 'no-answer'])),
        ])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0])) || String(a[1]).localeCompare(String(b[1])));
      return { head: ['Class', 'Surname', 'First name', ...purposes.map((p) => p.label)], rows };
    },
  },
  {
    key: 'concerns',
    title: 'Concerns overview',
    description: 'Each concern’s type, date and status: no names, no summaries, no descriptions.',
    permission: 'export:concerns',
    async rows(tx, settings) {
      const label = (type: string) => settings.concerns.routes.find((r) => r.type === type)?.label ?? type;
      const head = ['Reported', 'Type', 'Where', 'Out of hours', 'Restricted', 'Actions recorded', 'Status'];
      const rows = (await repo.concernsOverview(tx)).map((c) => [
        date(c.reported_at),
        label(c.type),
        c.location === 'in-school' ? 'In school' : 'Out of school',
        yesNo(c.out_of_hours),
        yesNo(c.restricted || c.involves_nude_images),
        Number(c.actions),
        c.closed ? 'Closed' : 'Open',
      ]);
      return { head, rows };
    },
  },
  {
    key: 'publications',
    title: 'Photographs published',
    description: 'Where and when photographs were published, and any taken down since.',
    permission: 'export:lists',
    async rows(tx, settings) {
      const channels = await publishingChannels(tx, settings, true);
      const label = (key: string) => channels.find((c) => c.key === key)?.label ?? key;
      const head = ['Published', 'Where', 'Address or place', 'Occasion', 'Taken on', 'Taken down'];
      const rows = (await repo.publications(tx)).map((p) => [
        date(p.published_at),
        label(p.channel),
        p.location,
        p.event_name,
        date(p.taken_on),
        date(p.taken_down_at),
      ]);
      return { head, rows };
    },
  },
];
