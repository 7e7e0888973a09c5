/**
 * Writes the class photograph the face tests upload (test/fixtures/faces/class-photo.jpg) and its
 * faces' boxes (class-photo.json), made from the labelled samples: `npx tsx bench/faces-fixture.ts`.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { classPhotograph } from './faces-photos.ts';

const dir = new URL('../test/fixtures/faces/', import.meta.url);
await mkdir(dir, { recursive: true });
const photo = await classPhotograph({ width: 1500, height: 1000, rows: 2, perRow: 3, quality: 85 });
await writeFile(new URL('class-photo.jpg', dir), photo.bytes);
await writeFile(new URL('class-photo.json', dir), `${JSON.stringify({ width: 1500, height: 1000, faces: photo.faces }, null, 2)}\n`);
console.log(`${photo.name}: ${photo.bytes.length} bytes`);
