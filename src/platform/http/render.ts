import type { FastifyReply, FastifyRequest } from 'fastify';
import { isFullySignedIn, type Actor } from '../auth/actor.ts';
import { isAllowed, type Action } from '../auth/permissions.ts';
import type { FieldProblem } from './errors.ts';

const menu: { href: string; text: string; action: Action | 'signed-in' }[] = [
  { href: '/', text: 'Home', action: 'dashboard:view' },
  { href: '/classes', text: 'Classes', action: 'people:read' },
  { href: '/consent', text: 'Photo consent', action: 'consent:consult' },
  { href: '/photos', text: 'Photographs', action: 'media:view' },
  { href: '/concerns', text: 'Concerns', action: 'concern:read' },
  { href: '/registers', text: 'Registers', action: 'registers:view' },
  { href: '/policies', text: 'Policies', action: 'policy:read' },
  { href: '/agreements', text: 'Agreements', action: 'agreement:read' },
  { href: '/training', text: 'Training', action: 'training:read' },
  { href: '/lessons', text: 'E-safety lessons', action: 'lesson:read' },
  { href: '/messages', text: 'Messages', action: 'message:read' },
  { href: '/events', text: 'Events', action: 'event:manage' },
  { href: '/filtering', text: 'Web filtering', action: 'filter:request' },
  { href: '/staff', text: 'Staff', action: 'staff:read' },
  { href: '/import', text: 'Import', action: 'import:run' },
  { href: '/settings', text: 'Policy settings', action: 'settings:read' },
  { href: '/audit', text: 'Audit log', action: 'audit:read' },
  { href: '/mail', text: 'Sent mail', action: 'mail:read' },
];

function navigationFor(actor: Actor | null, path: string) {
  if (!actor || !isFullySignedIn(actor)) return [];
  return menu
    .filter((item) => item.action === 'signed-in' || isAllowed(actor.roles, item.action))
    .map((item) => ({ href: item.href, text: item.text, active: item.href === '/' ? path === '/' : path.startsWith(item.href) }));
}

export const flashCookie = 'esafety_flash';

/** Error list for the GOV.UK error summary, and messages by field for each component. */
export function formErrors(problems: FieldProblem[]) {
  const byField: Record<string, { text: string }> = {};
  for (const p of problems) byField[p.field] ??= { text: p.message };
  return { errors: problems.map((p) => ({ text: p.message, href: `#${p.field}` })), fieldErrors: byField };
}

/** Renders a page with what every page needs: the school, the menu, a CSRF token, the CSP nonce. */
export async function render(request: FastifyRequest, reply: FastifyReply, template: string, data: Record<string, unknown> = {}, status = 200) {
  const actor = request.actor;
  const raw = request.cookies?.[flashCookie];
  const flash = raw ? request.unsignCookie(raw) : null;
  if (flash) reply.clearCookie(flashCookie, { path: '/' });
  const path = request.url.split('?')[0] ?? '/';
  reply.code(status).header('cache-control', 'no-store');
  return reply.view(template, {
    actor,
    schoolName: actor?.schoolName ?? data.schoolName ?? null,
    navigation: navigationFor(actor, path),
    csrfToken: reply.generateCsrf(),
    cspNonce: reply.cspNonce?.script,
    flash: flash?.valid ? flash.value : null,
    fieldErrors: {},
    ...data,
  });
}

/** A one-line confirmation shown on the next page ("Roles saved"). */
export function setFlash(reply: FastifyReply, message: string): void {
  reply.setCookie(flashCookie, message, { path: '/', httpOnly: true, sameSite: 'lax', signed: true, maxAge: 60 });
}
