import type { ModuleContext } from '../../platform/modules.ts';
import { createPeopleService } from '../people/people.service.ts';
import { createPhotoService } from './photos.service.ts';
import { createPublishingService } from './photos.publishing.ts';
import { fileStorage } from './photos.storage.ts';

export function createPhotosServices({ db, schools, config, onMail }: ModuleContext) {
  const storage = fileStorage(config.storageDir);
  return {
    storage,
    photos: createPhotoService(db, storage),
    photoPublishing: createPublishingService(db, storage, config.baseUrl, onMail),
    people: createPeopleService(schools),
  };
}
export type PhotosServices = ReturnType<typeof createPhotosServices>;
