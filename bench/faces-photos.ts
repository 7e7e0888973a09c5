/**
 * The labelled photographs for the face benchmark and the class-photograph fixture: the sample
 * photographs of @vladmandic/face-api (faces counted by hand, bench/faces-labels.json), and a
 * class photograph made from them: rows of heads and shoulders, as a school photographer lines up
 * a class, with every face's box known because we put it there.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import sharp, { type OverlayOptions } from 'sharp';

export type Box = [x: number, y: number, width: number, height: number];
export interface Labelled {
  name: string;
  bytes: Buffer;
  faces: Box[];
}

const labels = JSON.parse(await readFile(new URL('./faces-labels.json', import.meta.url), 'utf8')) as { photos: { file: string; faces: Box[] }[] };
const demo = join(dirname(createRequire(import.meta.url).resolve('@vladmandic/face-api/package.json')), 'demo');

export async function samplePhotos(): Promise<Labelled[]> {
  return Promise.all(labels.photos.map(async (p) => ({ name: p.file, bytes: await readFile(join(demo, p.file)), faces: p.faces })));
}

/** Heads and shoulders: each labelled face with room around it, as one pupil in a row. */
async function portraits(): Promise<{ image: Buffer; width: number; height: number; face: Box }[]> {
  const out = [];
  for (const photo of await samplePhotos()) {
    const { width = 0, height = 0 } = await sharp(photo.bytes).metadata();
    for (const [x, y, w, h] of photo.faces) {
      const left = Math.max(0, Math.round(x - w * 0.45));
      const top = Math.max(0, Math.round(y - h * 0.35));
      const right = Math.min(width, Math.round(x + w * 1.45));
      const bottom = Math.min(height, Math.round(y + h * 1.6));
      const image = await sharp(photo.bytes)
        .extract({ left, top, width: right - left, height: bottom - top })
        .toBuffer();
      out.push({ image, width: right - left, height: bottom - top, face: [x - left, y - top, w, h] as Box });
    }
  }
  return out;
}

/**
 * A class photograph `width` × `height` with `rows` rows of `perRow` pupils, the back rows a
 * little smaller, like a class on benches. Returns the JPEG and each face's box.
 */
export async function classPhotograph(options: { width: number; height: number; rows: number; perRow: number; quality?: number }): Promise<Labelled> {
  const { width, height, rows, perRow } = options;
  const people = await portraits();
  const faces: Box[] = [];
  const layers: OverlayOptions[] = [];
  const rowHeight = height / (rows + 0.4);
  let n = 0;
  for (let row = 0; row < rows; row++) {
    const slot = width / perRow;
    const scaleOfRow = 0.86 + (0.14 * row) / Math.max(1, rows - 1);
    for (let col = 0; col < perRow; col++, n++) {
      const person = people[n % people.length];
      // Every portrait is scaled so the face is the same size within a row.
      const faceWidth = slot * 0.42 * scaleOfRow;
      const scale = faceWidth / person.face[2];
      const w = Math.min(Math.round(person.width * scale), Math.round(slot * 0.98));
      const h = Math.min(Math.round(person.height * scale), Math.round(rowHeight * 1.1));
      const image = await sharp(person.image)
        .resize(Math.round(person.width * scale), Math.round(person.height * scale))
        .extract({ left: 0, top: 0, width: w, height: h })
        .flip(false)
        .toBuffer();
      const left = Math.round(col * slot + (slot - w) / 2);
      const top = Math.round(row * rowHeight + rowHeight * 0.2);
      if (left + w > width || top + h > height) continue;
      layers.push({ input: image, left, top });
      faces.push([
        Math.round(left + person.face[0] * scale),
        Math.round(top + person.face[1] * scale),
        Math.round(person.face[2] * scale),
        Math.round(person.face[3] * scale),
      ]);
    }
  }
  const bytes = await sharp({ create: { width, height, channels: 3, background: { r: 46, g: 86, b: 128 } } })
    .composite(layers)
    .jpeg({ quality: options.quality ?? 90 })
    .toBuffer();
  return { name: `class photograph ${width}×${height}, ${faces.length} faces`, bytes, faces };
}

/** Whether a found box is this labelled face: overlapping by a third, or its centre inside the label. */
export function matches(found: { x: number; y: number; width: number; height: number }, label: Box): boolean {
  const [x, y, w, h] = label;
  const ix = Math.max(0, Math.min(found.x + found.width, x + w) - Math.max(found.x, x));
  const iy = Math.max(0, Math.min(found.y + found.height, y + h) - Math.max(found.y, y));
  const iou = (ix * iy) / (found.width * found.height + w * h - ix * iy);
  const cx = found.x + found.width / 2;
  const cy = found.y + found.height / 2;
  return iou >= 1 / 3 || (cx >= x && cx <= x + w && cy >= y && cy <= y + h);
}

/** Recall and precision of found boxes against labels, each label matched at most once. */
export function score(found: readonly { x: number; y: number; width: number; height: number }[], labels: readonly Box[]) {
  const used = new Set<number>();
  let hits = 0;
  for (const label of labels) {
    const i = found.findIndex((f, index) => !used.has(index) && matches(f, label));
    if (i >= 0) {
      used.add(i);
      hits++;
    }
  }
  return { faces: labels.length, found: found.length, hits, falsePositives: found.length - hits };
}
