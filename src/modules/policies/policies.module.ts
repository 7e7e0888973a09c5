import { acknowledgementService } from './policies.acknowledgements.ts';
import { approvalService } from './policies.approval.ts';
import type { PoliciesDeps } from './policies.context.ts';
import { publicService } from './policies.public.ts';
import { registerService } from './policies.service.ts';
import { reviewSettingsService } from './policies.settings.ts';
import { paperApprovalService } from './policies.paper.ts';
import { proposalsService } from './policies.proposals.ts';

/** The policies capability (POL-1…5) as one service object for createServices. */
export function createPoliciesService(deps: PoliciesDeps) {
  return {
    ...registerService(deps),
    ...approvalService(deps),
    ...acknowledgementService(deps),
    ...publicService(deps),
    ...reviewSettingsService(deps),
    ...paperApprovalService(deps),
    ...proposalsService(deps),
  };
}

export type PoliciesService = ReturnType<typeof createPoliciesService>;
