import sharp from 'sharp';
import type { Config } from '../config.ts';
import type { Database } from '../platform/db/database.ts';
import { withSchool } from '../platform/db/school-scope.ts';
import type { Actor } from '../platform/auth/actor.ts';
import type { Role } from '../platform/auth/permissions.ts';
import { recordAudit } from '../platform/audit/audit.ts';
import { academicYearFor } from '../modules/school/school-calendar.ts';
import { insertPhoto, replaceTags } from '../modules/photos/photos.repository.ts';
import { newStorageKey, storageFor } from '../modules/photos/photos.storage.ts';
import { createPoliciesService } from '../modules/policies/policies.module.ts';

/** The demo's own short social media policy (the model the product's defaults follow), approved by the governors on paper. */
const demoPolicy = `# Social Media Policy

## Why we have this policy

Social media helps us share the life of the school with families. This policy says how staff, pupils and carers use it safely, and what happens when something goes wrong.

## Photographs of pupils

We only share a photograph of a child when a carer has agreed to that use. We never give a child's full name with a photograph without express permission for that particular use.

## Staff use of social media

Staff do not accept friend requests from pupils or from pupils' carers, and do not discuss pupils, carers or colleagues online.

## Reporting a concern

Anyone who sees something worrying online tells the designated safeguarding lead the same day, using the school's concern form.

## Monitoring and review

The headteacher reviews this policy every year with the governors.
`;

const demoPhotos = [
  { event: 'Harvest festival assembly', daysAgo: 40, colour: { r: 201, g: 124, b: 46 }, contexts: ['internal-display'], pupils: 3 },
  { event: 'Year 5 trip to the science museum', daysAgo: 21, colour: { r: 46, g: 112, b: 201 }, contexts: ['internal-display', 'newsletter'], pupils: 4 },
  { event: 'Sports day practice', daysAgo: 6, colour: { r: 60, g: 160, b: 80 }, contexts: ['website'], pupils: 2 },
];

/** A few photographs (plain coloured pictures, tagged with pupils) and an approved policy, so those pages have something to show. */
export async function loadDemoPhotosAndPolicy(database: Database, config: Config, actor: Actor, now = new Date()): Promise<void> {
  const storage = storageFor(config);
  const pupils = (
    await withSchool(database.db, actor.schoolId, (tx) => tx.selectFrom('pupils').select('id').where('on_roll', '=', true).orderBy('id').limit(10).execute())
  ).map((p) => p.id);
  let next = 0;
  for (const photo of demoPhotos) {
    const bytes = await sharp({ create: { width: 1200, height: 800, channels: 3, background: photo.colour } })
      .jpeg({ quality: 80 })
      .toBuffer();
    const key = newStorageKey('originals', actor.schoolId, 'jpg');
    await storage.put(key, bytes);
    const takenOn = new Date(now.getTime() - photo.daysAgo * 86_400_000).toISOString().slice(0, 10);
    const year = academicYearFor(new Date(`${takenOn}T00:00:00Z`));
    await withSchool(database.db, actor.schoolId, async (tx) => {
      const row = await insertPhoto(tx, actor.schoolId, {
        eventName: photo.event,
        takenOn,
        contexts: photo.contexts,
        uploadedBy: actor.staffId,
        unidentified: 0,
        storageKey: key,
        mime: 'image/jpeg',
        width: 1200,
        height: 800,
        byteSize: bytes.length,
        academicYear: year.label,
        yearEndsOn: year.endsOn,
      });
      // A plain colour has no faces to look for.
      await tx.updateTable('photos').set({ faces_status: 'done' }).where('id', '=', row.id).execute();
      await replaceTags(tx, actor.schoolId, row.id, pupils.slice(next, (next += photo.pupils)), actor.staffId);
      await recordAudit(
        tx,
        actor.schoolId,
        { id: null, label: 'Demo loader' },
        { action: 'photo.uploaded', subjectType: 'photo', subjectId: row.id, detail: { event: photo.event } },
      );
    });
  }
  const policies = createPoliciesService({ schools: database.schools, baseUrl: config.baseUrl, onMail: () => {} });
  const policy = await policies.create(actor, {
    title: 'Social Media Policy',
    kind: 'social-media',
    ownerId: actor.staffId,
    intervalMonths: '12',
    appliesTo: ['headteacher', 'deputy-headteacher', 'senior-leader', 'dsl', 'teacher', 'support-staff', 'office'] satisfies Role[],
    links: '',
    body: demoPolicy,
  });
  const approved = new Date(now.getTime() - 60 * 86_400_000);
  await policies.recordPaperApproval(actor, policy.id, '1', {
    approvingBody: 'The Governing Body',
    approvedOn: { day: String(approved.getUTCDate()), month: String(approved.getUTCMonth() + 1), year: String(approved.getUTCFullYear()) },
    nextReview: '',
    minuteRef: 'Full governing body meeting, item 6',
  });
}
