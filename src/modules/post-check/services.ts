import type { ModuleContext } from '../../platform/modules.ts';
import { createPostCheckService } from './post-check.service.ts';

export function createPostCheckServices({ schools, config, onMail }: ModuleContext) {
  return { postCheck: createPostCheckService({ schools, baseUrl: config.baseUrl, onMail }) };
}
export type PostCheckServices = ReturnType<typeof createPostCheckServices>;
