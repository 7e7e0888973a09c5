import type { ModuleContext } from '../../platform/modules.ts';
import { createAgreementLinkService } from './agreements-link.service.ts';
import { createAgreementService } from './agreements.service.ts';

export function createAgreementServices({ schools, config, onMail }: ModuleContext) {
  return {
    agreements: createAgreementService(schools, config, onMail),
    agreementLinks: createAgreementLinkService(schools),
  };
}
export type AgreementServices = ReturnType<typeof createAgreementServices>;
