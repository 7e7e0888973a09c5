import type { ModuleContext } from '../../platform/modules.ts';
import { findPublishedPhotos } from '../photos/photos.withdrawal.ts';
import { createConsentLinkService } from './consent-link.service.ts';
import { createConsentRequestService } from './consent-requests.service.ts';
import { createConsentSettingsService } from './consent-settings.service.ts';
import { createConsentService } from './consent.service.ts';

export function createConsentServices({ schools, config, onMail }: ModuleContext) {
  return {
    consent: createConsentService(schools, config, { onMail, findPublishedImages: findPublishedPhotos }),
    consentRequests: createConsentRequestService(schools, config, onMail),
    consentLinks: createConsentLinkService(schools, config, onMail),
    consentSettings: createConsentSettingsService(schools),
  };
}
export type ConsentServices = ReturnType<typeof createConsentServices>;
