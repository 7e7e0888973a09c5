import type { ModuleContext } from '../../platform/modules.ts';
import { createAgreementLinkService } from './agreements-link.service.ts';
import { createAgreementSignatureService } from './agreements-signatures.service.ts';
import { createAgreementService } from './agreements.service.ts';

export function createAgreementServices({ schools, config, onMail }: ModuleContext) {
  return {
    agreements: createAgreementService(schools, config, onMail),
    agreementSignatures: createAgreementSignatureService(schools),
    agreementLinks: createAgreementLinkService(schools, config, onMail),
  };
}
export type AgreementServices = ReturnType<typeof createAgreementServices>;
