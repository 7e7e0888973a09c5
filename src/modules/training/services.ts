import type { ModuleContext } from '../../platform/modules.ts';
import { createTrainingService } from './training.service.ts';

export function createTrainingServices({ schools, config, onMail }: ModuleContext) {
  return { training: createTrainingService(schools, config, onMail) };
}
export type TrainingServices = ReturnType<typeof createTrainingServices>;
