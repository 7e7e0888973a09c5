import type { ModuleContext } from '../../platform/modules.ts';
import { createExportsService } from './exports.service.ts';
import { createSubjectAccessService } from './subject-access.service.ts';

export function createExportsServices({ schools }: ModuleContext) {
  return { exports: createExportsService(schools), subjectAccess: createSubjectAccessService(schools) };
}
export type ExportsServices = ReturnType<typeof createExportsServices>;
