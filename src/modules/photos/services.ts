import type { ModuleContext } from '../../platform/modules.ts';
import { createPhotoService } from './photos.service.ts';
import { createPublishingService } from './photos.publishing.ts';
import { storageFor } from './photos.storage.ts';
import { workerFaceDetector } from './faces/faces.detector.ts';
import { createFaceService } from './faces/faces.service.ts';

export function createPhotosServices({ schools, config, onMail }: ModuleContext) {
  const storage = storageFor(config);
  const detector = workerFaceDetector();
  const faces = createFaceService({ schools, storage, detector });
  return {
    storage,
    detector,
    faces,
    photos: createPhotoService({ schools, storage, faces }),
    photoPublishing: createPublishingService({ schools, storage, faces, baseUrl: config.baseUrl, onMail }),
  };
}
export type PhotosServices = ReturnType<typeof createPhotosServices>;
