import { accountModule } from '../platform/auth/index.ts';
import { auditModule } from '../platform/audit/index.ts';
import { mailModule } from '../platform/mail/index.ts';
import type { AppModule } from '../platform/modules.ts';
import { concernsModule } from './concerns/index.ts';
import { consentModule } from './consent/index.ts';
import { contactModule } from './contact/index.ts';
import { exportsModule } from './exports/index.ts';
import { filteringModule } from './filtering/index.ts';
import { peopleModule } from './people/index.ts';
import { photosModule } from './photos/index.ts';
import { policiesModule } from './policies/index.ts';
import { postCheckModule } from './post-check/index.ts';
import { registersModule } from './registers/index.ts';
import { reportsModule } from './reports/index.ts';
import { schoolModule } from './school/index.ts';
import { settingsModule } from './settings/index.ts';
import { agreementsModule } from './agreements/index.ts';
import { trainingModule } from './training/index.ts';
import { messagesModule } from './messages/index.ts';
import { lessonsModule } from './lessons/index.ts';
import { eventsModule } from './events/index.ts';

/** Every capability of the app. Adding a module is its own folder and one line here. */
export const modules: readonly AppModule[] = [
  schoolModule,
  accountModule,
  peopleModule,
  concernsModule,
  settingsModule,
  policiesModule,
  consentModule,
  photosModule,
  registersModule,
  postCheckModule,
  reportsModule,
  exportsModule,
  contactModule,
  agreementsModule,
  trainingModule,
  messagesModule,
  lessonsModule,
  eventsModule,
  filteringModule,
  auditModule,
  mailModule,
];
