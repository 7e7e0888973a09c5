import type { ModuleContext } from '../../platform/modules.ts';
import { createPoliciesService } from './policies.module.ts';

export function createPoliciesServices({ db, config, onMail }: ModuleContext) {
  return { policies: createPoliciesService({ db, baseUrl: config.baseUrl, onMail }) };
}
export type PoliciesServices = ReturnType<typeof createPoliciesServices>;
