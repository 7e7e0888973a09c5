/**
 * Whoever deals with the press is who a press enquiry goes to (concerns.routes.media-enquiry.notify): "The Headteacher deals
 * with all requests from the press", "The Principal is the point of contact for the media", and the same duty as a list's
 * item under its subject ("The Headteacher:" over "deals with all enquiries from the press and broadcast media") or under
 * a heading that names the role ("4.2 The Headteacher" over "4.2.4 is the point of contact for the media").
 */
import { passedOver, recipientRoles } from './concerns.recipients.ts';
import { rolesIn, withoutStandIns } from './roles.ts';
import type { SentencePattern } from './types.ts';

const press = String.raw`(?:the )?(?:local |national )?(?:press|media|journalists?|newspapers?)\b`;
/** The duty itself, after its subject: "deals with all enquiries from the press", "is the point of contact for the media". */
const duty = String.raw`(?:(?:will|shall|alone|also) )?(?:(?:deals?|handles?|responds?|answers?|fields?) (?:with |to )?(?:all |any |every )?(?:enquiries|inquiries|requests|calls|approaches|contacts?)(?: of any kind)? (?:from|by)|(?:is|be|acts? as) (?:the |our )?(?:main |only |single |first )?(?:point|person) of contact for) ${press}`;
/** The duty with its subject before it. */
const handles = new RegExp(String.raw`^(?:the )?([a-z' ()-]{2,50}?),? ${duty}`);
/** The duty alone, a list item's. */
const dutyAlone = new RegExp(`^${duty}`);
/** A lead or heading that is only a role: "The Headteacher will:", "4.2 The Headteacher". */
const subjectLine = /^(?:[0-9.]+ )?(?:the )?([a-z' ()-]{2,50}?)(?: (?:will|shall|must|is responsible for|is to))?:?$/;

export const pressHandler: SentencePattern = {
  name: 'someone deals with the press',
  read: (s) => {
    const subject = handles.exec(s.lower)?.[1] ?? (dutyAlone.test(s.lower) ? subjectLine.exec(s.lead || (s.item ? (s.heading ?? '') : ''))?.[1] : undefined);
    // (Not whoever is passed over or stands in: "The Headteacher (not class teachers) deals with…".)
    const who = withoutStandIns(passedOver(subject ?? ''));
    if (!who.trim() || /\b(not|never|no longer)\b/.test(who)) return [];
    const roles = rolesIn(who).filter((r) => recipientRoles.has(r));
    return roles.length ? [{ setting: 'concerns.routes.media-enquiry.notify', value: roles, combine: 'union' }] : [];
  },
};
