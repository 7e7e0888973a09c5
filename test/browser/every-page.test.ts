import { createFilteringService } from '../../src/modules/filtering/filtering.service.ts';
import { createTokenService } from '../../src/modules/filtering/tokens.service.ts';
import { addSchoolToTrust, setTrustLead } from '../../src/platform/db/school-database.ts';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page, Response } from 'playwright-core';
import { generate } from 'otplib';
import { loadConfig } from '../../src/config.ts';
import { createAuthService } from '../../src/platform/auth/auth.service.ts';
import { createSsoService } from '../../src/platform/auth/sso.service.ts';
import { createConcernsService } from '../../src/modules/concerns/concerns.service.ts';
import { createConsentRequestService } from '../../src/modules/consent/consent-requests.service.ts';
import { createImportService } from '../../src/modules/people/import.service.ts';
import { createAgreementLinkService } from '../../src/modules/agreements/agreements-link.service.ts';
import { createAgreementService } from '../../src/modules/agreements/agreements.service.ts';
import { createMessageService } from '../../src/modules/messages/messages.service.ts';
import { createEventService } from '../../src/modules/events/events.service.ts';
import { createPoliciesService } from '../../src/modules/policies/policies.module.ts';
import { actorFor, aReport } from '../helpers/concerns.ts';
import { makeSchool, makeStaff, type TestStaff } from '../helpers/factories.ts';
import { launchChromium, skipWithoutChromium, startApp, type RunningApp } from './browser.ts';
import { expectNoAxeViolations, expectReflow, loadAxeIntoEveryPage, navigates } from './pages.ts';
import { deliveredText } from '../helpers/mail.ts';

const fixtureDir = new URL('../fixtures/oneroster/basic', import.meta.url).pathname;
const policyFile = (name: string) => readFileSync(new URL(`../fixtures/policies/${name}.txt`, import.meta.url));

/** Whole families of routes that are not pages a person reads. */
const notPages: { prefix: string; reason: string }[] = [
  { prefix: '/api/', reason: 'the JSON API, checked by the API tests against its OpenAPI schemas' },
  { prefix: '/assets/', reason: 'stylesheets, scripts, fonts and images' },
];

/** Every other GET route that this test does not open, and why. Anything else must be visited. */
const notVisited: Record<string, string> = {
  '/': 'only redirects: to /setup, /sign-in or /dashboard, each visited here',
  '/health': 'JSON for monitoring, not a page',
  '/concerns/:id/evidence/:evidenceId': 'downloads the evidence file as it was uploaded',
  '/policies/:id/versions/:number/original': 'downloads the original policy file as it was imported',
  '/photos/:id/original': 'the photograph itself',
  '/photos/:id/preview': 'a smaller copy of the photograph',
  '/photos/:id/publications/:requestId/file': 'the published copy of the photograph',
  '/reports/governors/:file': 'downloads the governors’ report as PDF or JSON (test/http/reports.test.ts reads the PDF’s text back)',
  '/exports/:file': 'downloads a list as CSV or .xlsx (test/http/exports.test.ts reads them)',
  '/pupils/:id/subject-access': 'downloads a pupil’s subject access zip (test/http/exports.test.ts opens it)',
  '/schools/:urn/contact': 'the public form for families, with its own browser test (test/browser/oversight.test.ts) and axe there',
  '/audit/export': 'downloads the audit log as a CSV file (test/http/audit.test.ts reads it)',
  '/audit/anchors': 'downloads the school’s audit anchors as a text file (test/http/mail-secrets.test.ts reads it)',
  '/training/certificates/:id': 'downloads a training certificate as it was uploaded (test/http/training.test.ts reads it)',
  '/auth/oidc/start': 'only redirects to the school’s provider (test/browser/newcomer.test.ts follows it to a real one)',
  '/auth/oidc/callback': 'the provider’s answer: redirects when good; its refusal page (400 or 403, plain words) is read in test/http/sso.test.ts',
};

type Who = 'head' | 'anonymous' | 'settingUpTwoFactor';

/**
 * axe on every page a person can open: each GET route the app registers, with its :params filled
 * from real records and opened as someone who may see it. A new page fails this test until it is
 * given a sample here or named in notVisited with the reason.
 */
describe.skipIf(skipWithoutChromium())('every page passes axe (browser)', () => {
  let running: RunningApp;
  let browser: Browser;
  const pages = {} as Record<Who, Page>;
  /** Route → the address that opens it, and as whom. */
  const samples = new Map<string, { path: string; who: Who }>();
  const visited = new Set<string>();

  beforeAll(async () => {
    running = await startApp();
    browser = await launchChromium();
    for (const who of ['head', 'anonymous', 'settingUpTwoFactor'] as const) {
      // Every page this test opens is checked: axe comes with each page instead of being evaluated on it.
      const context = await browser.newContext();
      await loadAxeIntoEveryPage(context);
      pages[who] = await context.newPage();
    }
  });
  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  const go = (page: Page, path: string) => page.goto(`${running.baseUrl}${path}`);

  /** The page shown is the route asked for (no redirect, no error page), with one h1 and no axe violations. */
  async function check(route: string, page: Page, path: string, response: Response | null) {
    expect.soft(response?.status(), `status of ${path}`).toBe(200);
    expect.soft(response?.headers()['content-type'] ?? '', `${route} is not an HTML page: name it in notVisited with the reason`).toContain('text/html');
    expect.soft(new URL(page.url()).pathname, `${path} redirected`).toBe(path.split('?')[0]);
    expect.soft(await page.locator('h1').count(), `one h1 on ${path}`).toBe(1);
    await expectNoAxeViolations(page);
    await expectReflow(page);
    visited.add(route);
  }

  async function visit(route: string, page: Page, path: string) {
    let response: Response | null = null;
    await navigates(page, async () => {
      response = await go(page, path);
    });
    await check(route, page, path, response);
  }

  /** Signs in through the forms; the two-factor pages are checked on the way. */
  async function signIn(page: Page, staff: TestStaff) {
    await navigates(page, () => go(page, '/sign-in'));
    await page.getByLabel('E-mail address').fill(staff.email);
    await page.getByLabel('Password').fill(staff.password);
    await navigates(page, () => page.getByRole('button', { name: 'Sign in', exact: true }).click());
    if (!staff.totpSecret) return;
    await visit('/sign-in/two-factor', page, '/sign-in/two-factor');
    await page.getByLabel('Security code').fill(await generate({ secret: staff.totpSecret }));
    await navigates(page, () => page.getByRole('button', { name: 'Continue' }).click());
  }

  /** A record of every kind a page shows, made through the services the pages use. */
  async function makeRecords() {
    const db = running.database.db;
    const config = loadConfig({ NODE_ENV: 'test' }, { baseUrl: running.baseUrl });
    const school = await makeSchool(db, { name: 'Low Ash Primary School', urn: '107331' });
    await createImportService(running.database.schools).importFromPath(school.id, { id: null, label: 'test' }, fixtureDir, false);
    const head = await makeStaff(db, school.id, ['headteacher', 'dsl']);
    const newcomer = await makeStaff(db, school.id, ['dsl'], { twoFactor: false });
    // Sign-in with Google is set up: the sign-in page shows its button and /settings/sign-in the head's choices.
    await createSsoService(db, config).setProvider(school.id, { provider: 'google', domain: 'lowash.sch.uk', clientId: 'every-page' }, 'not a real secret', {
      id: null,
      label: 'test',
    });
    const actor = actorFor(school, head);

    const classId = (await db.selectFrom('classes').select('id').where('school_id', '=', school.id).executeTakeFirstOrThrow()).id;
    const pupilId = (await db.selectFrom('pupils').select('id').where('school_id', '=', school.id).where('on_roll', '=', true).executeTakeFirstOrThrow()).id;
    const carerId = (await db.selectFrom('carers').select('id').where('school_id', '=', school.id).executeTakeFirstOrThrow()).id;
    const concern = await createConcernsService(running.database.schools, config).report(actor, aReport({ pupilIds: [pupilId] }));

    const policies = createPoliciesService({ schools: running.database.schools, baseUrl: running.baseUrl, onMail: () => {} });
    const draft = await policies.importFile(actor, '001_39f3c72a91680229.txt', policyFile('001_39f3c72a91680229'));
    const approved = await policies.importFile(actor, '004_153aa0418b67876c.txt', policyFile('004_153aa0418b67876c'));
    await policies.recordPaperApproval(actor, approved.id, '1', {
      approvingBody: 'The Governing Body',
      approvedOn: { day: '14', month: '10', year: '2024' },
      nextReview: '',
      minuteRef: '',
    });
    const second = await policies.startNewVersion(actor, approved.id);
    await policies.saveDraft(actor, approved.id, String(second), { body: 'A shorter policy.\n', changeSummary: 'Shortened' });
    const slug = (await db.selectFrom('policies').select('slug').where('id', '=', approved.id).executeTakeFirstOrThrow()).slug;

    const consent = await createConsentRequestService(running.database.schools, config).start(actor, { scope: 'no-answer' });
    const link = await db.selectFrom('consent_links').select('carer_id').where('request_id', '=', consent.requestId).executeTakeFirstOrThrow();
    // Personal links rest only sealed in the outbox: read them as the mail server would get them.
    const linkIn = async (pattern: RegExp) => {
      const mails = await db.selectFrom('outbox').select(['body_text', 'sealed_body']).where('sealed_body', 'is not', null).execute();
      const found = mails
        .map(deliveredText)
        .map((text) => pattern.exec(text))
        .find(Boolean);
      if (!found) throw new Error(`No mail in the outbox has a link like ${String(pattern)}`);
      return found[1];
    };
    const answerToken = await linkIn(/\/consent\/answer\/([A-Za-z0-9_-]+)/);
    await createAuthService(db, config, () => {}).requestPasswordReset(head.email, '127.0.0.1');
    const resetToken = await linkIn(/\/reset-password\/([A-Za-z0-9_-]+)/);

    const photo = await db
      .insertInto('photos')
      .values({
        school_id: school.id,
        event_name: 'Sports Day',
        taken_on: '2026-06-12',
        contexts: ['sports-day'],
        uploaded_by: head.id,
        storage_key: null,
        mime: 'image/jpeg',
        width: 1,
        height: 1,
        byte_size: 1,
        academic_year: '2025/26',
        year_ends_on: '2026-08-31',
      })
      .returning('id')
      .executeTakeFirstOrThrow();

    // The registers and the post check (issue 11): one record of each, with the head as the person asked.
    const account = await db
      .insertInto('school_accounts')
      .values({
        school_id: school.id,
        name: 'School Instagram',
        kind: 'social-media-account',
        url: 'https://www.instagram.com/school',
        purpose: 'Sharing school events',
        review_on: '2027-09-01',
        status: 'requested',
        requested_by: newcomer.id,
        credentials_holder_id: head.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const enquiry = await db
      .insertInto('press_enquiries')
      .values({ school_id: school.id, outlet: 'Hazelwood Gazette', contact: 'Jo Reporter', summary: 'Sports day', received_by: newcomer.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    const question = await db
      .insertInto('post_questions')
      .values({
        school_id: school.id,
        asked_by: newcomer.id,
        asked_of: head.id,
        text: 'Awful weather for sports day',
        audience: 'personal',
        verdict: 'ask',
        findings: JSON.stringify([{ rule: 'negative-comment', clause: '001 §6, §7; 004 §6.11', excerpt: 'Awful', message: 'May read as negative.' }]),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // Agreements, training and messages (AGR-1…4): a family's link, a course, a message with letters.
    const agreements = await createAgreementService(running.database.schools, config).list(actor);
    const agreementId = (key: string) => agreements.find((a) => a.key === key)!.id;
    await createAgreementLinkService(running.database.schools, config).familyLinks(actor, agreementId('home-school'), null, true);
    const signToken = await linkIn(/\/agreements\/sign\/([A-Za-z0-9_-]+)/);
    const courseId = (await db.selectFrom('training_courses').select('id').where('school_id', '=', school.id).executeTakeFirstOrThrow()).id;
    const message = await createMessageService(running.database.schools, config).send(actor, {
      audience: { everyone: true },
      subject: 'Newsletter',
      body: 'Staying safe online.',
      channels: ['email', 'letter'],
    });

    // An e-safety event for the class, with who came (AGR-4).
    const esafetyEvent = await createEventService(running.database.schools).create(actor, {
      kind: 'meeting',
      title: 'Keeping children safe online',
      heldOn: '2026-10-01',
      classId,
    });

    const filterRequest = await createFilteringService(running.database.schools, config).ask(actor, {
      kind: 'unblock',
      domain: 'museum.example',
      reason: 'Year 4 Romans lesson',
      duration: 'lesson',
    });
    const filterToken = await createTokenService(running.database.schools).create(actor, { scope: 'filter-export', label: 'Pi-hole in the server room' });
    // The head also leads the school's trust, so /trust opens for them.
    await addSchoolToTrust(running.database.schools, 'Hazelwood Learning Trust', school.id);
    await setTrustLead(running.database.schools, 'Hazelwood Learning Trust', head.id);

    const asHead: Record<string, string> = {
      '/agreements/:id': `/agreements/${agreementId('staff-code-of-conduct')}`,
      '/agreements/:id/edit': `/agreements/${agreementId('staff-code-of-conduct')}/edit`,
      '/agreements/:id/paper': `/agreements/${agreementId('home-school')}/paper`,
      '/agreements/:id/families': `/agreements/${agreementId('home-school')}/families`,
      '/agreements/:id/classes/:classId': `/agreements/${agreementId('pupil-rules')}/classes/${classId}`,
      '/agreements/staff/:id': `/agreements/staff/${head.id}`,
      '/training/courses/:id': `/training/courses/${courseId}`,
      '/training/staff/:id': `/training/staff/${head.id}`,
      '/messages/:id': `/messages/${message.id}`,
      '/messages/:id/letters': `/messages/${message.id}/letters`,
      '/events/:id': `/events/${esafetyEvent.id}`,
      '/filtering/requests/:id': `/filtering/requests/${filterRequest.id}`,
      '/filtering/tokens/:id/revoke': `/filtering/tokens/${filterToken.id}/revoke`,
      '/classes/:id': `/classes/${classId}`,
      '/consent/classes/:id': `/consent/classes/${classId}`,
      '/pupils/:id': `/pupils/${pupilId}`,
      '/pupils/:id/consent': `/pupils/${pupilId}/consent`,
      '/pupils/:id/chronology': `/pupils/${pupilId}/chronology`,
      '/pupils/:id/do-not-photograph': `/pupils/${pupilId}/do-not-photograph`,
      '/carers/:id/chronology': `/carers/${carerId}/chronology`,
      '/staff/:id': `/staff/${head.id}`,
      '/staff/:id/chronology': `/staff/${head.id}/chronology`,
      '/concerns/:id': `/concerns/${concern.id}`,
      '/settings/edit/:section': '/settings/edit/concerns',
      '/policies/:id': `/policies/${approved.id}`,
      '/policies/:id/details': `/policies/${approved.id}/details`,
      '/policies/:id/versions/:number': `/policies/${approved.id}/versions/1`,
      '/policies/:id/versions/:number/print': `/policies/${approved.id}/versions/1/print`,
      '/policies/:id/versions/:number/edit': `/policies/${approved.id}/versions/${second}/edit`,
      '/policies/:id/compare': `/policies/${approved.id}/compare?from=1&to=${second}`,
      '/policies/:id/approval': `/policies/${approved.id}/approval`,
      '/policies/:id/acknowledgements': `/policies/${approved.id}/acknowledgements`,
      '/policies/:id/versions/:number/paper-approval': `/policies/${draft.id}/versions/1/paper-approval`,
      '/consent/requests/:id': `/consent/requests/${consent.requestId}`,
      '/consent/requests/:id/paper/:carerId': `/consent/requests/${consent.requestId}/paper/${link.carer_id}`,
      '/photos/:id': `/photos/${photo.id}`,
      '/photos/:id/tag': `/photos/${photo.id}/tag`,
      '/photos/:id/publish': `/photos/${photo.id}/publish`,
      '/accounts/:id': `/accounts/${account.id}`,
      '/phones/pupils/:id': `/phones/pupils/${pupilId}`,
      '/press/:id': `/press/${enquiry.id}`,
      '/post-check/questions/:id': `/post-check/questions/${question.id}`,
    };
    for (const [route, path] of Object.entries(asHead)) samples.set(route, { path, who: 'head' });
    for (const [route, path] of Object.entries({
      '/reset-password/:token': `/reset-password/${resetToken}`,
      '/consent/answer/:token': `/consent/answer/${answerToken}`,
      '/agreements/sign/:token': `/agreements/sign/${signToken}`,
      '/schools/:urn/policies': `/schools/${school.urn}/policies`,
      '/schools/:urn/policies/:slug': `/schools/${school.urn}/policies/${slug}`,
    }))
      samples.set(route, { path, who: 'anonymous' });
    samples.set('/account/two-factor/set-up', { path: '/account/two-factor/set-up', who: 'settingUpTwoFactor' });
    return { head, newcomer };
  }

  it('has no violations on any page, signed in or not, and names every page it does not open', async () => {
    // The first page of a new installation exists only until a school is set up.
    await visit('/setup', pages.anonymous, '/setup');
    const { head, newcomer } = await makeRecords();
    await signIn(pages.head, head);
    await signIn(pages.settingUpTwoFactor, newcomer);

    const routes = (running.app as unknown as { registeredRoutes: { method: string; url: string; permission: string }[] }).registeredRoutes.filter(
      (r) => r.method === 'GET' && !notPages.some((n) => r.url.startsWith(n.prefix)),
    );
    const toVisit = routes.flatMap((route) => {
      if (visited.has(route.url) || route.url in notVisited) return [];
      const sample =
        samples.get(route.url) ??
        (route.url.includes(':') ? undefined : { path: route.url, who: route.permission === 'public' ? ('anonymous' as const) : ('head' as const) });
      return sample ? [{ route: route.url, ...sample }] : [];
    });
    // Three tabs per person, each taking every third page: axe spends much of each page's second
    // waiting on its renderer, so three at once take about half the time of one after another.
    const lanes = 3;
    const tabs = await Promise.all(
      Array.from({ length: lanes }, async (_, lane) => {
        const tab = {} as Record<Who, Page>;
        for (const who of Object.keys(pages) as Who[]) tab[who] = lane === 0 ? pages[who] : await pages[who].context().newPage();
        return tab;
      }),
    );
    await Promise.all(
      tabs.map(async (tab, lane) => {
        for (const { route, who, path } of toVisit.filter((_, i) => i % lanes === lane)) await visit(route, tab[who], path);
      }),
    );
    const missed = routes.map((r) => r.url).filter((url) => !visited.has(url) && !(url in notVisited));
    expect(missed, 'GET routes neither visited nor named in notVisited: add a sample record for each, or say in notVisited why not').toEqual([]);
    const stale = Object.keys(notVisited).filter((url) => !routes.some((r) => r.url === url));
    expect(stale, 'notVisited names routes the app no longer has').toEqual([]);

    // Other sections of the settings editor share one route; the 404 page has none.
    for (const path of ['/settings/edit/photos', '/settings/edit/rules']) await visit('/settings/edit/:section', pages.head, path);
    await navigates(pages.head, () => go(pages.head, '/no-such-page'));
    await expectNoAxeViolations(pages.head);
    await expectReflow(pages.head);
    expect(visited.size).toBeGreaterThan(50);
  }, 1_200_000);
});
