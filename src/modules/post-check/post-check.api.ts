import { Type } from 'typebox';
import type { ModuleRoutes } from '../../platform/modules.ts';
import type { PostCheckServices } from './services.ts';
import { actorOf } from '../../platform/http/request-context.ts';
import { apiErrors } from '../../platform/http/schemas.ts';

const PostBody = Type.Object(
  {
    text: Type.String({ maxLength: 5000 }),
    mediaId: Type.Optional(Type.String({ maxLength: 64, description: 'A photograph from the library to post with it' })),
    audience: Type.Union([Type.Literal('personal'), Type.Literal('school-account')]),
    accountId: Type.Optional(Type.String({ maxLength: 64, description: 'One of the school’s approved accounts (for school-account)' })),
  },
  { additionalProperties: false },
);
const Result = Type.Object({
  verdict: Type.Union([Type.Literal('ok'), Type.Literal('ask'), Type.Literal('not-allowed')]),
  findings: Type.Array(
    Type.Object({
      rule: Type.String(),
      clause: Type.String({ description: 'The policy clause, e.g. 004 §6.13' }),
      excerpt: Type.String({ description: 'The words of the draft the finding is about' }),
      message: Type.String(),
    }),
  ),
});

/** The post check API (issue 11 contract): counted, never stored. */
export const postCheckApiRoutes: ModuleRoutes<PostCheckServices> = async (app, { services }) => {
  app.post(
    '/api/v1/post-checks',
    {
      config: { permission: 'postcheck:use' },
      schema: {
        summary: 'Check a draft post against the school’s policy before posting it (the draft is not kept)',
        tags: ['post-check'],
        body: PostBody,
        response: { ...apiErrors, 200: Result },
      },
    },
    async (request) => {
      const { verdict, findings } = await services.postCheck.check(actorOf(request), request.body);
      return { verdict, findings: findings.map(({ rule, clause, excerpt, message }) => ({ rule, clause, excerpt, message })) };
    },
  );
};
