/**
 * Published copies (MED-6): a 12-megapixel phone JPEG (4000 × 3000, EXIF with GPS, rotated by its orientation tag)
 * made into the published copy, in milliseconds per photo, against a plain sharp rotate → resize → JPEG encode of the
 * same file in the same run. Subjects: the published copy alone (publishedCopy), the same with four faces blurred (issue 14),
 * and upload check + copy (readUpload,
 * which decodes every pixel once to catch truncated files, then publishedCopy).
 *
 *   npx tsx bench/photo-copy.ts      BENCH_ROUNDS=7 by default
 */
import sharp from 'sharp';
import { publishedCopy, readUpload } from '../src/modules/photos/photos.images.ts';
import { fmt, formatTable, interleave, intEnv, isMain, median, pairedRatio, progress, writeResults, type Variant } from './lib.ts';

const longestSide = 2048;
/** Four faces in a row across the rotated 3000 × 4000 picture, as the detector would store them. */
const fourFaces = { width: 3000, height: 4000, boxes: [0, 1, 2, 3].map((i) => ({ x: 300 + i * 600, y: 1500, width: 300, height: 380 })) };

async function twelveMegapixelJpeg(): Promise<Buffer> {
  // Noise, not a flat colour: JPEG decode and encode cost depends on the content.
  const width = 4000;
  const height = 3000;
  const pixels = Buffer.alloc(width * height * 3);
  let seed = 42;
  for (let i = 0; i < pixels.length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    pixels[i] = (i % 3 === 0 ? (i / 3) % width : seed) & 0xff;
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .withExifMerge({
      IFD0: { Make: 'Apple', Model: 'iPhone 15 Pro' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '52/1 57/1 0/1', GPSLongitudeRef: 'W', GPSLongitude: '1/1 9/1 0/1' },
    })
    .withMetadata({ orientation: 6 })
    .jpeg({ quality: 90 })
    .toBuffer();
}

const timed = async (work: () => Promise<unknown>) => {
  const start = performance.now();
  await work();
  return performance.now() - start;
};

export async function runPhotoCopyBench(options: { rounds?: number } = {}) {
  const rounds = options.rounds ?? intEnv('BENCH_ROUNDS', 7);
  const original = await twelveMegapixelJpeg();
  progress('photo-copy', `12 MP JPEG of ${(original.length / 1024 / 1024).toFixed(1)} MB; ${rounds} rounds after a warm-up`);
  const variants: Variant<number>[] = [
    {
      name: 'plain sharp',
      run: () =>
        timed(() => sharp(original).rotate().resize({ width: longestSide, height: longestSide, fit: 'inside', withoutEnlargement: true }).jpeg().toBuffer()),
    },
    { name: 'published copy', run: () => timed(() => publishedCopy(original, longestSide)) },
    { name: 'published copy, 4 faces blurred', run: () => timed(() => publishedCopy(original, longestSide, fourFaces)) },
    {
      name: 'upload check + copy',
      run: () =>
        timed(async () => {
          const checked = await readUpload('bench.jpg', original, 25);
          if (!checked.ok) throw new Error(checked.message);
          await publishedCopy(checked.bytes, longestSide);
        }),
    },
  ];
  await interleave(1, variants);
  const samples = await interleave(rounds, variants);
  const baseline = samples.get('plain sharp')!;
  return {
    rounds,
    originalBytes: original.length,
    medians: Object.fromEntries([...samples].map(([name, values]) => [name, { msPerPhoto: median(values) }])),
    ratios: Object.fromEntries([...samples].map(([name, values]) => [name, { vsPlainSharp: pairedRatio(values, baseline) }])),
  };
}

export function describePhotoCopy(result: Awaited<ReturnType<typeof runPhotoCopyBench>>): string {
  const rows = Object.keys(result.medians).map((name) => [name, fmt.ms(result.medians[name].msPerPhoto), fmt.ratio(result.ratios[name].vsPlainSharp)]);
  return `Published copy of a 12-megapixel JPEG (${result.rounds} rounds; ratio = median of same-round ratios)\n${formatTable(['subject', 'ms per photo', '× plain sharp'], rows)}`;
}

if (isMain(import.meta.url)) {
  const result = await runPhotoCopyBench();
  console.log(describePhotoCopy(result));
  progress('photo-copy', `results in ${await writeResults('photo-copy', result)}`);
}
