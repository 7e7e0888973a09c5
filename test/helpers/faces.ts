import { readFileSync } from 'node:fs';
import sharp from 'sharp';

/** A class photograph of six (test/fixtures/faces, made by bench/faces-fixture.ts) and its faces' boxes, placed there by hand. */
const fixture = (name: string) => new URL(`../fixtures/faces/${name}`, import.meta.url).pathname;
export const classPhotoPath = fixture('class-photo.jpg');
export const classPhoto = () => readFileSync(classPhotoPath);
export const classPhotoFaces = (JSON.parse(readFileSync(fixture('class-photo.json'), 'utf8')) as { faces: [number, number, number, number][] }).faces;

/** Whether a found box is this labelled face: its centre inside the label and about the same size. */
export function matchesLabel(found: { x: number; y: number; width: number; height: number }, [x, y, w, h]: readonly number[]) {
  const cx = found.x + found.width / 2;
  const cy = found.y + found.height / 2;
  return cx >= x && cx <= x + w && cy >= y && cy <= y + h && found.width > w * 0.6 && found.width < w * 1.6;
}

/**
 * How much detail a region of an image has: edge energy (mean squared Laplacian of the grey
 * image) and its grey pixels, to compare two copies of the same photograph region by region.
 */
export async function detailIn(image: Buffer, box: { x: number; y: number; width: number; height: number }) {
  const { data, info } = await sharp(image)
    .extract({ left: Math.round(box.x), top: Math.round(box.y), width: Math.round(box.width), height: Math.round(box.height) })
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  let energy = 0;
  let n = 0;
  for (let y = 1; y < info.height - 1; y++)
    for (let x = 1; x < info.width - 1; x++) {
      const i = y * info.width + x;
      const laplacian = 4 * data[i] - data[i - 1] - data[i + 1] - data[i - info.width] - data[i + info.width];
      energy += laplacian * laplacian;
      n++;
    }
  return {
    edges: energy / Math.max(1, n),
    pixels: data,
    meanDifference(other: { pixels: Buffer }) {
      let sum = 0;
      for (let i = 0; i < data.length; i++) sum += Math.abs(data[i] - other.pixels[i]);
      return sum / data.length;
    },
  };
}
