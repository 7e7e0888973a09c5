import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { ModuleRoutes } from '../../platform/modules.ts';
import type { PostCheckServices } from './services.ts';
import { may } from '../../platform/auth/access.ts';
import { submitForm, type FormErrors } from '../../platform/http/forms.ts';
import { render, setFlash } from '../../platform/http/render.ts';
import { actorOf } from '../../platform/http/request-context.ts';
import { IdParams } from '../../platform/http/schemas.ts';
import type { PostCheckResult } from './post-check.service.ts';

const text = (maxLength: number) => Type.String({ default: '', maxLength });
const PostForm = Type.Object({ text: text(5000), audience: text(20), accountId: text(64), mediaId: text(64) });
type PostValues = { text: string; audience: string; accountId: string; mediaId: string };
const AnswerForm = Type.Object({ answer: text(20), note: text(2000) });
const WordsForm = Type.Object({ words: text(20000) });

const verdicts = {
  ok: { title: 'Nothing in the policy stops this post', classes: 'govuk-tag--green', tag: 'OK to post' },
  ask: { title: 'Ask your line manager before posting', classes: 'govuk-tag--yellow', tag: 'Ask first' },
  'not-allowed': { title: 'The policy does not allow this post', classes: 'govuk-tag--red', tag: 'Not allowed' },
} as const;
const answers = { 'go-ahead': 'Go ahead and post it', 'do-not-post': 'Do not post it' } as const;

/** The post check (REG-5): a draft checked against the school's policy; asking the line manager when unsure. */
export const postCheckRoutes: ModuleRoutes<PostCheckServices> = async (app, { services }) => {
  const checkPage = async (request: FastifyRequest, values: Partial<PostValues>, extra: (FormErrors | object) & { result?: PostCheckResult } = {}) => {
    const { accounts, photos, mine } = await services.postCheck.options(actorOf(request));
    return {
      title: 'Check a post before you post it',
      backLink: '/registers',
      values,
      accountItems: [{ value: '', text: 'Choose an account' }, ...accounts.map((a) => ({ value: a.id, text: a.name, selected: a.id === values.accountId }))],
      hasAccounts: accounts.length > 0,
      photoItems: [{ value: '', text: 'No photograph' }, ...photos.map((p) => ({ value: p.id, text: `${p.event_name}`, selected: p.id === values.mediaId }))],
      mine,
      verdicts,
      answers,
      ...extra,
    };
  };

  app.get('/post-check', { config: { permission: 'postcheck:use' }, schema: { hide: true } }, async (request, reply) =>
    render(request, reply, 'post-check/views/check.njk', await checkPage(request, {})),
  );

  // Nothing is stored: the answer is the same page, with the draft kept in the form to rewrite.
  app.post(
    '/post-check',
    { config: { permission: 'postcheck:use' }, preHandler: app.csrfProtection, schema: { hide: true, body: PostForm } },
    async (request, reply) =>
      submitForm(
        async () => {
          const result = await services.postCheck.check(actorOf(request), request.body);
          return render(request, reply, 'post-check/views/check.njk', await checkPage(request, request.body, { result }));
        },
        async (errors) => render(request, reply, 'post-check/views/check.njk', await checkPage(request, request.body, errors), 400),
      ),
  );

  app.post(
    '/post-check/ask',
    { config: { permission: 'postcheck:use' }, preHandler: app.csrfProtection, schema: { hide: true, body: PostForm } },
    async (request, reply) =>
      submitForm(
        async () => {
          const { id, askedOf } = await services.postCheck.ask(actorOf(request), request.body);
          setFlash(reply, `Sent to ${askedOf}. Do not post it until they answer.`);
          return reply.redirect(`/post-check/questions/${id}`, 303);
        },
        async (errors) => render(request, reply, 'post-check/views/check.njk', await checkPage(request, request.body, errors), 400),
      ),
  );

  app.get('/post-check/questions', { config: { permission: 'postcheck:answer' }, schema: { hide: true } }, async (request, reply) =>
    render(request, reply, 'post-check/views/questions.njk', {
      title: 'Questions about posts',
      backLink: '/',
      questions: await services.postCheck.waitingForMe(actorOf(request)),
      answers,
    }),
  );

  const questionPage = async (request: FastifyRequest, id: string, extra: Record<string, unknown> = {}) => ({
    title: 'A question about a post',
    backLink: '/post-check/questions',
    ...(await services.postCheck.question(actorOf(request), id)),
    verdicts,
    answers,
    values: {},
    ...extra,
  });

  app.get('/post-check/questions/:id', { config: { permission: 'postcheck:answer' }, schema: { hide: true, params: IdParams } }, async (request, reply) =>
    render(request, reply, 'post-check/views/question.njk', await questionPage(request, request.params.id)),
  );

  app.post(
    '/post-check/questions/:id/answer',
    { config: { permission: 'postcheck:answer' }, preHandler: app.csrfProtection, schema: { hide: true, params: IdParams, body: AnswerForm } },
    async (request, reply) => {
      const { id } = request.params;
      return submitForm(
        async () => {
          await services.postCheck.answer(actorOf(request), id, request.body);
          setFlash(reply, 'Answered. They have been told.');
          return reply.redirect('/post-check/questions', 303);
        },
        async (errors) => render(request, reply, 'post-check/views/question.njk', await questionPage(request, id, { values: request.body, ...errors }), 400),
      );
    },
  );

  app.get('/post-check/report', { config: { permission: 'postcheck:report' }, schema: { hide: true } }, async (request, reply) =>
    render(request, reply, 'post-check/views/report.njk', {
      title: 'Posts checked this year',
      backLink: '/',
      ...(await services.postCheck.report(actorOf(request))),
      canEdit: may(actorOf(request), 'postcheck:settings'),
    }),
  );

  app.get('/post-check/settings', { config: { permission: 'postcheck:settings' }, schema: { hide: true } }, async (request, reply) =>
    render(request, reply, 'post-check/views/settings.njk', {
      title: 'Words the post check looks for',
      backLink: '/settings',
      words: (await services.postCheck.words(actorOf(request))).join('\n'),
    }),
  );

  app.post(
    '/post-check/settings',
    { config: { permission: 'postcheck:settings' }, preHandler: app.csrfProtection, schema: { hide: true, body: WordsForm } },
    async (request, reply) =>
      submitForm(
        async () => {
          const words = await services.postCheck.changeWords(actorOf(request), request.body.words);
          setFlash(reply, `Saved: the post check looks for ${words.length} words and phrases`);
          return reply.redirect('/post-check/settings', 303);
        },
        async (errors) =>
          render(
            request,
            reply,
            'post-check/views/settings.njk',
            { title: 'Words the post check looks for', backLink: '/settings', words: request.body.words, ...errors },
            400,
          ),
      ),
  );
};
