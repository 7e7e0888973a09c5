import { may, requireAccess } from '../../platform/auth/access.ts';
import { auditActor, type Actor } from '../../platform/auth/actor.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import { withSchool, type SchoolDatabase } from '../../platform/db/school-database.ts';
import type { SchoolTx } from '../../platform/db/school-scope.ts';
import { Conflict, NotFound, ValidationError, type FieldProblem } from '../../platform/http/errors.ts';
import { isUuid } from '../../platform/http/ids.ts';
import { enqueueMail } from '../../platform/mail/outbox.ts';
import { statusesFor } from '../consent/consent.service.ts';
import { staffHoldingRoles } from '../people/staff-roles.repository.ts';
import { findPhoto, taggedPupils } from '../photos/photos.repository.ts';
import { publishRefusals } from '../photos/photos.rules.ts';
import { approvedAccount, approvedAccounts } from '../registers/accounts.repository.ts';
import { linkablePhotos } from '../registers/press.repository.ts';
import { londonDay } from '../registers/registers.rules.ts';
import { defaultNegativeWords } from '../settings/settings.defaults.ts';
import type { PolicySettings } from '../settings/settings.schema.ts';
import { currentSettings, saveSettings } from '../settings/settings.service.ts';
import * as repo from './post-check.repository.ts';
import { checkPost, whoAnswers, wordsFromText, type Audience, type Finding, type Verdict } from './post-check.rules.ts';

export interface PostInput {
  text: string;
  mediaId?: string;
  audience: string;
  accountId?: string;
}

export interface PostCheckResult {
  verdict: Verdict;
  findings: Finding[];
}

export const negativeWordsOf = (settings: PolicySettings) => settings.postCheck?.negativeWords ?? defaultNegativeWords;

const names = (p: { id: string; given_name: string; family_name: string; preferred_name: string | null }) => ({
  id: p.id,
  givenName: p.given_name,
  familyName: p.family_name,
  preferredName: p.preferred_name,
});

/** The start of this academic year (1 September), for the governors' count. */
const academicYearStart = (today: string) => {
  const year = Number(today.slice(0, 4)) - (Number(today.slice(5, 7)) < 9 ? 1 : 0);
  return `${year}-09-01`;
};

/** REG-5: staff check a draft post against the school's own policy; unsure, they ask their line manager. */
export function createPostCheckService({ schools, baseUrl, onMail }: { schools: SchoolDatabase; baseUrl: string; onMail: () => void }) {
  const inSchool = <T>(actor: Actor, work: (tx: SchoolTx) => Promise<T>) => withSchool(schools, actor.schoolId, work);

  /** Reads the draft and what it needs, and runs the pure check. Nothing of the draft is written. */
  async function run(tx: SchoolTx, actor: Actor, input: PostInput) {
    const problems: FieldProblem[] = [];
    const text = input.text.trim();
    if (!text) problems.push({ field: 'text', message: 'Paste the post you want to check' });
    if (text.length > 5000) problems.push({ field: 'text', message: 'The post must be 5,000 characters or fewer' });
    if (input.audience !== 'personal' && input.audience !== 'school-account')
      problems.push({ field: 'audience', message: 'Choose where the post will go: your own account or one of the school’s' });
    const audience = input.audience as Audience;
    const accountId = input.accountId?.trim() || null;
    const account = audience === 'school-account' && accountId && isUuid(accountId) ? await approvedAccount(tx, accountId) : undefined;
    if (audience === 'school-account' && !account) problems.push({ field: 'accountId', message: 'Choose one of the school’s approved accounts' });
    const mediaId = input.mediaId?.trim() || null;
    const photo = mediaId && isUuid(mediaId) ? await findPhoto(tx, mediaId) : undefined;
    if (mediaId && !photo) problems.push({ field: 'mediaId', message: 'Choose a photograph from the library' });
    if (problems.length) throw new ValidationError(problems);
    const settings = (await currentSettings(tx, actor.schoolId)).settings;
    const tagged = photo ? await taggedPupils(tx, photo.id) : [];
    let photoRefusals: string[] = [];
    if (photo && account) {
      // The same check as publishing on the channel of this kind of account (MED-4); the text's names are the check's own rule.
      const wanted = account.kind === 'social-media-account' ? 'social-media' : 'website';
      const channel = settings.photos.channels.find((c) => c.purpose === wanted) ?? settings.photos.channels.find((c) => c.key === wanted);
      if (!channel) photoRefusals = ['The school’s settings have no channel for this kind of account, so the photograph cannot be checked'];
      else {
        const purpose = settings.consent.purposes.find((p) => p.key === channel.purpose);
        const statuses = await statusesFor(tx, settings, tagged, [channel.purpose]);
        photoRefusals = publishRefusals({
          channel,
          purpose,
          unidentified: photo.unidentified_count,
          texts: { caption: '', altText: '', fileName: '' },
          tagged: tagged.map((p) => ({ ...names(p), status: statuses.get(p.id)!.get(channel.purpose)!, express: null })),
          directory: [],
        }).map((r) => r.reason);
      }
    }
    const result = checkPost({
      text,
      audience,
      pupils: (await repo.pupilsOnRoll(tx)).map(names),
      tagged: tagged.map(names),
      hasPhoto: Boolean(photo),
      photoRefusals,
      negativeWords: negativeWordsOf(settings),
      schoolName: actor.schoolName,
      classTitles: await repo.classTitles(tx),
    });
    return { ...result, text, audience, accountId: account?.id ?? null, mediaId: photo?.id ?? null };
  }

  return {
    async options(actor: Actor) {
      requireAccess(actor, 'postcheck:use');
      return inSchool(actor, async (tx) => ({
        accounts: await approvedAccounts(tx),
        photos: may(actor, 'media:view') ? await linkablePhotos(tx) : [],
        mine: await repo.questionsAskedBy(tx, actor.staffId),
      }));
    },

    /** Checks a draft; counted for the governors' report, never stored. */
    async check(actor: Actor, input: PostInput): Promise<PostCheckResult> {
      requireAccess(actor, 'postcheck:use');
      return inSchool(actor, async (tx) => {
        const { verdict, findings } = await run(tx, actor, input);
        await repo.countCheck(tx, actor.schoolId, londonDay(), verdict);
        return { verdict, findings };
      });
    },

    /** The member of staff asks their line manager (or the head where they have none): only now is the draft kept. */
    async ask(actor: Actor, input: PostInput): Promise<{ id: string; askedOf: string }> {
      requireAccess(actor, 'postcheck:use');
      const asked = await inSchool(actor, async (tx) => {
        const checked = await run(tx, actor, input);
        if (checked.verdict === 'not-allowed')
          throw new Conflict('not-allowed', 'The policy does not allow this post as it is: change it first, then ask if you are still unsure');
        const manager = (await repo.lineManagerOf(tx, actor.staffId))?.line_manager_id ?? null;
        const managerActive = manager ? await repo.activeStaffMember(tx, manager) : undefined;
        const answerer = whoAnswers(
          actor.staffId,
          managerActive?.id ?? null,
          await staffHoldingRoles(tx, ['headteacher']),
          await staffHoldingRoles(tx, ['deputy-headteacher']),
        );
        if (!answerer) throw new Conflict('nobody-to-ask', 'There is nobody to ask: the school has no line manager, headteacher or deputy set up for you');
        const person = (await repo.activeStaffMember(tx, answerer.id))!;
        const row = await repo.insertQuestion(tx, actor.schoolId, {
          askedBy: actor.staffId,
          askedOf: person.id,
          text: checked.text,
          mediaId: checked.mediaId,
          audience: checked.audience,
          accountId: checked.accountId,
          verdict: checked.verdict,
          findings: checked.findings.map(({ rule, clause, excerpt, message }) => ({ rule, clause, excerpt, message })),
        });
        await repo.countCheck(tx, actor.schoolId, londonDay(), checked.verdict);
        await recordAudit(tx, actor.schoolId, auditActor(actor), {
          action: 'post-question.asked',
          subjectType: 'post-question',
          subjectId: row.id,
          detail: { askedOf: person.id, why: answerer.why },
        });
        if (person.email)
          await enqueueMail(tx, actor.schoolId, {
            to: person.email,
            subject: 'A member of staff asks you about a post',
            text: `A member of staff would like your view on a post before they publish it. Answer here:\n${baseUrl}/post-check/questions/${row.id}`,
          });
        return { id: row.id, askedOf: `${person.given_name} ${person.family_name}` };
      });
      onMail();
      return asked;
    },

    /** A question: for the person who asked and the person asked; anyone else gets 404. */
    async question(actor: Actor, id: string) {
      requireAccess(actor, 'postcheck:answer');
      return inSchool(actor, async (tx) => {
        const found = isUuid(id) ? await repo.findQuestion(tx, id) : undefined;
        if (!found || (found.asked_by !== actor.staffId && found.asked_of !== actor.staffId)) throw new NotFound('There is no such question');
        return { question: found, mayAnswer: found.asked_of === actor.staffId && !found.answer };
      });
    },

    async waitingForMe(actor: Actor) {
      requireAccess(actor, 'postcheck:answer');
      return inSchool(actor, (tx) => repo.questionsAskedOf(tx, actor.staffId));
    },

    async answer(actor: Actor, id: string, input: { answer: string; note?: string }) {
      requireAccess(actor, 'postcheck:answer');
      await inSchool(actor, async (tx) => {
        const found = isUuid(id) ? await repo.findQuestion(tx, id) : undefined;
        if (!found || found.asked_of !== actor.staffId) throw new NotFound('There is no such question');
        if (input.answer !== 'go-ahead' && input.answer !== 'do-not-post')
          throw new ValidationError([{ field: 'answer', message: 'Choose whether they may post it' }]);
        const note = input.note?.trim() || null;
        if (input.answer === 'do-not-post' && !note) throw new ValidationError([{ field: 'note', message: 'Say why, so they can change it' }]);
        if (!(await repo.answerQuestion(tx, found.id, input.answer, note, actor.staffId)))
          throw new Conflict('already-answered', 'This question has already been answered');
        await recordAudit(tx, actor.schoolId, auditActor(actor), {
          action: 'post-question.answered',
          subjectType: 'post-question',
          subjectId: found.id,
          detail: { answer: input.answer },
        });
        const asker = await repo.activeStaffMember(tx, found.asked_by);
        if (asker?.email)
          await enqueueMail(tx, actor.schoolId, {
            to: asker.email,
            subject: 'Your question about a post has been answered',
            text: `Your line manager has answered your question about a post. See it here:\n${baseUrl}/post-check/questions/${found.id}`,
          });
      });
      onMail();
    },

    /** The count for the governors' report: this academic year's checks by verdict, and the questions asked. */
    async report(actor: Actor) {
      requireAccess(actor, 'postcheck:report');
      const since = academicYearStart(londonDay());
      return inSchool(actor, async (tx) => ({ since, checks: await repo.countsSince(tx, since), questions: await repo.questionCountsSince(tx, since) }));
    },

    async words(actor: Actor) {
      requireAccess(actor, 'postcheck:settings');
      return inSchool(actor, async (tx) => negativeWordsOf((await currentSettings(tx, actor.schoolId)).settings));
    },

    /** The head edits the word list: each change is a new settings version, audited. */
    async changeWords(actor: Actor, text: string) {
      requireAccess(actor, 'postcheck:settings');
      const words = wordsFromText(text);
      if (words.some((w) => w.length > 60)) throw new ValidationError([{ field: 'words', message: 'Each word or phrase must be 60 characters or fewer' }]);
      if (words.length > 300) throw new ValidationError([{ field: 'words', message: 'The list can hold up to 300 words or phrases' }]);
      await inSchool(actor, async (tx) => {
        const settings = (await currentSettings(tx, actor.schoolId)).settings;
        await saveSettings(tx, actor.schoolId, auditActor(actor), { ...settings, postCheck: { ...settings.postCheck, negativeWords: words } });
      });
      return words;
    },
  };
}

export type PostCheckService = ReturnType<typeof createPostCheckService>;
