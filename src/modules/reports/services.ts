import type { ModuleContext } from '../../platform/modules.ts';
import { createReportsService } from './reports.service.ts';

export function createReportsServices({ schools }: ModuleContext) {
  return { reports: createReportsService(schools) };
}
export type ReportsServices = ReturnType<typeof createReportsServices>;
