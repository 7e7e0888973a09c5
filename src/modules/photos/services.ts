import type { ModuleContext } from '../../platform/modules.ts';
import { createPhotoService } from './photos.service.ts';
import { createPublishingService } from './photos.publishing.ts';
import { fileStorage } from './photos.storage.ts';

export function createPhotosServices({ schools, config, onMail }: ModuleContext) {
  const storage = fileStorage(config.storageDir);
  return {
    storage,
    photos: createPhotoService({ schools, storage }),
    photoPublishing: createPublishingService({ schools, storage, baseUrl: config.baseUrl, onMail }),
  };
}
export type PhotosServices = ReturnType<typeof createPhotosServices>;
