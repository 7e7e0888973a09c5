import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { ModuleRoutes } from '../../platform/modules.ts';
import { TooManyRequests } from '../../platform/http/errors.ts';
import { acceptUploads, formFile, formValue } from '../../platform/http/form-body.ts';
import { submitForm, type FormErrors } from '../../platform/http/forms.ts';
import { formErrors, render } from '../../platform/http/render.ts';
import { evidenceFrom } from '../concerns/concerns.form.ts';
import { maxEvidenceBytes } from '../concerns/concerns.input.ts';
import { contactTopics, type ContactInput } from './contact.rules.ts';
import type { ContactServices } from './services.ts';

const UrnParams = Type.Object({ urn: Type.String({ pattern: '^\\d{5,8}$' }) });
const fields = ['about', 'details', 'name', 'relationship', 'email', 'phone', 'involvesNudeImages'] as const;

const inputFrom = (body: unknown): ContactInput => ({
  about: formValue(body, 'about'),
  details: formValue(body, 'details'),
  name: formValue(body, 'name'),
  relationship: formValue(body, 'relationship'),
  email: formValue(body, 'email'),
  phone: formValue(body, 'phone'),
  involvesNudeImages: formValue(body, 'involvesNudeImages') === 'yes',
});

/** The public contact form: no account, CSRF-protected, throttled per connection and per school. */
export const contactRoutes: ModuleRoutes<ContactServices> = async (app, { services }) => {
  await acceptUploads(app, { maxFileBytes: maxEvidenceBytes + 1, tooLarge: 'mark' });

  const formPage = async (request: FastifyRequest, reply: FastifyReply, urn: string, values: Record<string, unknown>, errors?: FormErrors) => {
    const school = await services.contact.school(urn);
    const shown = errors ?? formErrors([]);
    return render(
      request,
      reply,
      'contact/views/contact.njk',
      {
        title: `Raise a concern with ${school.name}`,
        school,
        values,
        topicItems: contactTopics.map((t) => ({ value: t.value, text: t.text, hint: { text: t.hint }, checked: values.about === t.value })),
        ...shown,
      },
      shown.errors.length ? 400 : 200,
    );
  };

  app.get('/schools/:urn/contact', { config: { permission: 'public' }, schema: { hide: true, params: UrnParams } }, async (request, reply) =>
    formPage(request, reply, request.params.urn, {}),
  );

  // No body schema: the form is multipart (it may carry a screenshot); form-body.ts reads its parts.
  app.post(
    '/schools/:urn/contact',
    { config: { permission: 'public' }, preHandler: app.csrfProtection, schema: { hide: true, params: UrnParams } },
    async (request, reply) => {
      const { body } = request;
      const input = inputFrom(body);
      const file = evidenceFrom(await formFile(body, 'evidence'));
      try {
        return await submitForm(
          async () => {
            const raised = await services.contact.raise(request.params.urn, request.ip, input, file ? [file] : []);
            reply.header('referrer-policy', 'no-referrer');
            return render(request, reply, 'contact/views/sent.njk', { title: 'Your concern has been sent', ...raised });
          },
          async (errors) => formPage(request, reply, request.params.urn, Object.fromEntries(fields.map((f) => [f, formValue(body, f)])), errors),
        );
      } catch (error) {
        if (error instanceof TooManyRequests) return render(request, reply, 'error.njk', { title: 'Too many attempts', message: error.message }, 429);
        throw error;
      }
    },
  );
};
