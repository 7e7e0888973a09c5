import { defineModule } from '../../platform/modules.ts';
import { policyApprovalRoutes } from './policies.approval.routes.ts';
import { policyPaperRoutes } from './policies.paper.routes.ts';
import { policyProposalApiRoutes } from './policies.proposals.routes.ts';
import { policyPublicRoutes } from './policies.public.routes.ts';
import { policyReviewJobs } from './policies.reminders.ts';
import { policiesRoutes } from './policies.routes.ts';
import { policySettingsRoutes } from './policies.settings.routes.ts';
import { policyVersionRoutes } from './policies.versions.routes.ts';
import { createPoliciesServices } from './services.ts';

/** Policies (POL-1…6): register, versions, approval, review, public pages, acknowledgement. */
export const policiesModule = defineModule({
  name: 'policies',
  services: createPoliciesServices,
  routes: [policiesRoutes, policyVersionRoutes, policyApprovalRoutes, policyPublicRoutes, policySettingsRoutes, policyPaperRoutes, policyProposalApiRoutes],
  // Every morning: tell policy owners their review is coming up (POL-3).
  jobs: (_services, { schools, config, onMail }) => policyReviewJobs(schools, config.baseUrl, onMail),
  settings: [{ href: '/policies/settings', text: 'Change how policies are approved and reviewed' }],
});
