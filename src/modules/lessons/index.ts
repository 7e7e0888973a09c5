import { defineModule } from '../../platform/modules.ts';
import { lessonApiRoutes } from './lessons.api.ts';
import { lessonRoutes } from './lessons.routes.ts';
import { createLessonServices } from './services.ts';

/** Pupils' e-safety education (AGR-5): lessons taught per class and coverage per year group. */
export const lessonsModule = defineModule({
  name: 'lessons',
  services: createLessonServices,
  routes: [lessonApiRoutes, lessonRoutes],
  settings: [{ href: '/lessons/settings', text: 'Change the e-safety topics each year group is taught' }],
});
