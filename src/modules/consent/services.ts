import type { ModuleContext } from '../../platform/modules.ts';
import { createPeopleService } from '../people/people.service.ts';
import { findPublishedPhotos } from '../photos/photos.withdrawal.ts';
import { createConsentLinkService } from './consent-link.service.ts';
import { createConsentRequestService } from './consent-requests.service.ts';
import { createConsentService } from './consent.service.ts';

export function createConsentServices({ db, schools, config, onMail }: ModuleContext) {
  return {
    db,
    consent: createConsentService(db, config, { onMail, findPublishedImages: findPublishedPhotos }),
    consentRequests: createConsentRequestService(db, config, onMail),
    consentLinks: createConsentLinkService(db, config, onMail),
    people: createPeopleService(schools),
  };
}
export type ConsentServices = ReturnType<typeof createConsentServices>;
