import { Forbidden } from '../http/errors.ts';
import type { Actor } from './actor.ts';
import { isAllowed, type Action } from './permissions.ts';

/** Services check access first, whatever the route already checked. */
export function requireAccess(actor: Actor, action: Action): void {
  if (!isAllowed(actor.roles, action)) throw new Forbidden();
}

export const may = (actor: Actor, action: Action): boolean => isAllowed(actor.roles, action);
