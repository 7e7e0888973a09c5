import type { ModuleRoutes } from '../../platform/modules.ts';
import type { RegistersServices } from './services.ts';
import { may } from '../../platform/auth/access.ts';
import { render } from '../../platform/http/render.ts';
import { actorOf } from '../../platform/http/request-context.ts';

/** The registers' front page: where each register is, for whoever may use it. */
export const registersRoutes: ModuleRoutes<RegistersServices> = async (app) => {
  app.get('/registers', { config: { permission: 'registers:view' }, schema: { hide: true } }, async (request, reply) => {
    const actor = actorOf(request);
    const links = [
      may(actor, 'postcheck:use') && {
        href: '/post-check',
        text: 'Check a post before you post it',
        hint: 'Paste a draft and see what the school’s policy says; ask your line manager if you are unsure.',
      },
      may(actor, 'phones:record') && {
        href: '/phones',
        text: 'Pupils’ phones',
        hint: 'Handed in at the office in the morning, returned at the end of the day.',
      },
      may(actor, 'accounts:read') && {
        href: '/accounts',
        text: 'School accounts and online services',
        hint: 'Social media accounts and services used with pupils, approved in advance.',
      },
      may(actor, 'press:report') && {
        href: '/press',
        text: 'Press enquiries',
        hint: 'Anyone contacted by a journalist records it here; it goes to the headteacher.',
      },
      may(actor, 'declarations:make') && {
        href: '/declarations',
        text: 'Friendships with parents and carers',
        hint: 'Declare a friendship or online contact with a parent or carer that began before your work here.',
      },
    ].filter(Boolean);
    return render(request, reply, 'registers/views/registers.njk', { title: 'Registers', links });
  });
};
