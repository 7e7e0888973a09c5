import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { ModuleRoutes } from '../../platform/modules.ts';
import type { RegistersServices } from './services.ts';
import { submitForm, type FormErrors } from '../../platform/http/forms.ts';
import { render, setFlash } from '../../platform/http/render.ts';
import { actorOf } from '../../platform/http/request-context.ts';
import { ButtonBody, IdParams } from '../../platform/http/schemas.ts';
import { personName } from '../people/names.ts';
import { declaredName } from './declarations.service.ts';

const text = (maxLength: number) => Type.String({ default: '', maxLength });
const DeclarationForm = Type.Object({ carerId: text(64), name: text(200), platform: text(200), since: text(200), note: text(2000) });

/** Staff declare pre-existing friendships with carers; the headteacher acknowledges (REG-4). */
export const declarationRoutes: ModuleRoutes<RegistersServices> = async (app, { services }) => {
  const page = async (request: FastifyRequest, values: Record<string, string>, errors: FormErrors | object = {}) => {
    const view = await services.declarations.overview(actorOf(request));
    const named = <T extends Parameters<typeof declaredName>[0]>(d: T) => ({
      ...d,
      who: declaredName(d),
      staffName: `${d.staff_given_name} ${d.staff_family_name}`,
    });
    return {
      title: 'Friendships with parents and carers',
      backLink: '/registers',
      mine: view.mine.map(named),
      all: view.all?.map(named) ?? null,
      carerItems: view.carers.length
        ? [
            { value: '', text: 'Not in the list, or I typed the name' },
            ...view.carers.map((c) => ({ value: c.id, text: personName(c), selected: c.id === values.carerId })),
          ]
        : null,
      values,
      ...errors,
    };
  };

  app.get('/declarations', { config: { permission: 'declarations:make' }, schema: { hide: true } }, async (request, reply) =>
    render(request, reply, 'registers/views/declarations.njk', await page(request, {})),
  );

  app.post(
    '/declarations',
    { config: { permission: 'declarations:make' }, preHandler: app.csrfProtection, schema: { hide: true, body: DeclarationForm } },
    async (request, reply) =>
      submitForm(
        async () => {
          await services.declarations.declare(actorOf(request), request.body);
          setFlash(reply, 'Declared. The headteacher will acknowledge it.');
          return reply.redirect('/declarations', 303);
        },
        async (errors) => render(request, reply, 'registers/views/declarations.njk', await page(request, request.body, errors), 400),
      ),
  );

  app.post(
    '/declarations/:id/acknowledge',
    { config: { permission: 'declarations:review' }, preHandler: app.csrfProtection, schema: { hide: true, params: IdParams, body: ButtonBody } },
    async (request, reply) => {
      await services.declarations.acknowledge(actorOf(request), request.params.id);
      setFlash(reply, 'Acknowledged');
      return reply.redirect('/declarations', 303);
    },
  );
};
