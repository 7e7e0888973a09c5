import type { ModuleContext } from '../../platform/modules.ts';
import { createReportsService } from './reports.service.ts';
import { createTrustService } from './trust.service.ts';

export function createReportsServices({ schools }: ModuleContext) {
  return { reports: createReportsService(schools), trust: createTrustService(schools) };
}
export type ReportsServices = ReturnType<typeof createReportsServices>;
