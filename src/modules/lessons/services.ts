import type { ModuleContext } from '../../platform/modules.ts';
import { createLessonService } from './lessons.service.ts';

export function createLessonServices({ schools }: ModuleContext) {
  return { lessons: createLessonService(schools) };
}
export type LessonServices = ReturnType<typeof createLessonServices>;
