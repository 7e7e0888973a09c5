import type { ModuleContext } from '../../platform/modules.ts';
import { createPoliciesService } from './policies.module.ts';

export function createPoliciesServices({ schools, config, onMail }: ModuleContext) {
  return { policies: createPoliciesService({ schools, baseUrl: config.baseUrl, onMail }) };
}
export type PoliciesServices = ReturnType<typeof createPoliciesServices>;
