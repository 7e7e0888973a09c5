import type { Metadata } from 'sharp';
import { enlarge } from './faces/faces.rules.ts';

/** Larger than any school camera or phone makes; a file claiming more is refused before decoding. */
export const maxPixels = 120_000_000;

export type ImageFormat = 'jpeg' | 'png' | 'webp';
export type ReadUpload =
  { ok: true; bytes: Buffer; format: ImageFormat; mime: string; width: number; height: number; convertedFrom: 'heic' | null } | { ok: false; message: string };

/**
 * sharp (and libvips under it) is loaded with the first photograph, not at start: loaded, it adds about
 * 30 MB to the server's memory whether or not photographs are used (bench/README.md, issue 17 point 12).
 */
const loadSharp = async () => (await import('sharp')).default;

const mimes: Record<ImageFormat, string> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB`;
const thousands = (n: number) => n.toLocaleString('en-GB');

/** iPhone photos: an ISO base media file whose brand says HEIF/HEIC (not AVIF, which sharp reads itself). */
export function isHeic(bytes: Buffer): boolean {
  if (bytes.length < 12 || bytes.toString('latin1', 4, 8) !== 'ftyp') return false;
  return ['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1'].includes(bytes.toString('latin1', 8, 12));
}

const notAnImage = (name: string) => `${name} is not a photograph that can be read. Upload a JPEG, PNG, WebP or HEIC (iPhone) file.`;
const tooManyPixels = (name: string, width: number, height: number) =>
  `${name} says it is ${thousands(width)} × ${thousands(height)} pixels, which is too large to open safely. Photographs of up to ${maxPixels / 1_000_000} megapixels can be uploaded.`;

async function fromHeic(name: string, bytes: Buffer): Promise<ReadUpload> {
  const howToFix = 'On the iPhone, choose Settings, Camera, Formats, Most Compatible (or share the photo as JPEG) and upload it again.';
  try {
    // Loaded on the first iPhone photo: its decoder holds about 18 MB from the moment it loads.
    const { default: decodeHeic } = await import('heic-decode');
    const images = await decodeHeic.all({ buffer: bytes });
    try {
      const first = images[0];
      if (!first) return { ok: false, message: `${name} has no picture in it. ${howToFix}` };
      if (first.width * first.height > maxPixels) return { ok: false, message: tooManyPixels(name, first.width, first.height) };
      const { width, height, data } = await first.decode();
      const sharp = await loadSharp();
      const jpeg = await sharp(Buffer.from(data.buffer, data.byteOffset, data.byteLength), { raw: { width, height, channels: 4 } })
        .jpeg({ quality: 92 })
        .toBuffer();
      return { ok: true, bytes: jpeg, format: 'jpeg', mime: mimes.jpeg, width, height, convertedFrom: 'heic' };
    } finally {
      images.dispose();
    }
  } catch {
    return { ok: false, message: `${name} is an iPhone (HEIC) photo that could not be read. ${howToFix}` };
  }
}

/** What to say when an upload is over the school's limit, or null when it is within it. */
export function uploadTooLarge(name: string, bytes: Buffer, maxMegabytes: number): string | null {
  if (bytes.length <= maxMegabytes * 1024 * 1024) return null;
  return `${name} is ${megabytes(bytes.length)}. Photographs can be up to ${maxMegabytes} MB: export a smaller copy and upload that.`;
}

/**
 * MED-1, MED-7: reads an upload fully before anything is stored. Refuses what is not an image, a
 * truncated file, a decompression bomb (checked from the header, before decoding) and an
 * oversized file, each with a message that says what to do. HEIC is converted to JPEG on arrival.
 */
export async function readUpload(name: string, bytes: Buffer, maxMegabytes: number): Promise<ReadUpload> {
  const tooLarge = uploadTooLarge(name, bytes, maxMegabytes);
  if (tooLarge) return { ok: false, message: tooLarge };
  if (bytes.length === 0) return { ok: false, message: `${name} is empty` };
  if (isHeic(bytes)) return fromHeic(name, bytes);
  const sharp = await loadSharp();
  let metadata: Metadata;
  try {
    metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    return { ok: false, message: notAnImage(name) };
  }
  const format = metadata.format;
  if (format !== 'jpeg' && format !== 'png' && format !== 'webp') return { ok: false, message: notAnImage(name) };
  const { width = 0, height = 0 } = metadata;
  if (width * height > maxPixels) return { ok: false, message: tooManyPixels(name, width, height) };
  try {
    // Decode every pixel once: a file that ends early fails here, not when someone opens it.
    await sharp(bytes, { limitInputPixels: maxPixels, failOn: 'truncated' }).resize(64, 64, { fit: 'inside' }).raw().toBuffer();
  } catch {
    return {
      ok: false,
      message: `${name} is incomplete or damaged: the picture in it cannot be read to the end. Copy it from the camera or phone again and upload it.`,
    };
  }
  return { ok: true, bytes, format, mime: mimes[format], width, height, convertedFrom: null };
}

/** A face to blur, in pixels of the original after rotation, and the size those pixels refer to. */
export interface BlurRequest {
  width: number;
  height: number;
  boxes: readonly { x: number; y: number; width: number; height: number }[];
}

/** How far a blurred box reaches beyond the face (hair, ears, chin), as a share of its size on each side. */
export const blurMargin = 0.3;
/** Blocks across a blurred face: too few for any feature to survive. */
const blurBlocks = 6;

/**
 * MED-6: a new image for publishing — orientation applied, no larger than `longestSide`, and no
 * metadata at all (sharp writes none unless asked: no EXIF, GPS, XMP, IPTC, comments or ICC).
 * Issue 14: faces to blur are pixelated to a few blocks and then blurred (Gaussian), each over its
 * box enlarged by a margin, so the face cannot be recovered; everything else is untouched.
 */
export async function publishedCopy(original: Buffer, longestSide: number, blur: BlurRequest | null = null): Promise<Buffer> {
  const sharp = await loadSharp();
  const base = sharp(original, { limitInputPixels: maxPixels })
    .rotate()
    .resize({ width: longestSide, height: longestSide, fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' });
  if (!blur || blur.boxes.length === 0) return base.jpeg({ quality: 85 }).toBuffer();
  // One decode: the resized pixels come back once, each face is covered from them, and they are encoded.
  const { data, info } = await base.raw().toBuffer({ resolveWithObject: true });
  const raw = { width: info.width, height: info.height, channels: info.channels };
  const scaleX = info.width / blur.width;
  const scaleY = info.height / blur.height;
  const covers: { region: { x: number; y: number; width: number; height: number }; pixels: Buffer }[] = [];
  for (const box of blur.boxes) {
    const region = enlarge(
      { x: box.x * scaleX, y: box.y * scaleY, width: box.width * scaleX, height: box.height * scaleY },
      blurMargin,
      info.width,
      info.height,
    );
    if (region.width < 2 || region.height < 2) continue;
    const block = Math.max(2, Math.ceil(Math.max(region.width, region.height) / blurBlocks));
    const blocks = await sharp(data, { raw })
      .extract({ left: region.x, top: region.y, width: region.width, height: region.height })
      .resize(Math.max(1, Math.ceil(region.width / block)), Math.max(1, Math.ceil(region.height / block)), { fit: 'fill', kernel: 'lanczos3' })
      .raw()
      .toBuffer({ resolveWithObject: true });
    const pixels = await sharp(blocks.data, { raw: { width: blocks.info.width, height: blocks.info.height, channels: blocks.info.channels } })
      .resize(region.width, region.height, { fit: 'fill', kernel: 'nearest' })
      .blur(Math.max(0.5, block / 2))
      .raw()
      .toBuffer();
    covers.push({ region, pixels });
  }
  // Every cover is made from the unblurred pixels first, then written in order (a later face over an earlier one):
  // the same picture as compositing them, without sharp blending the whole frame through an added alpha band.
  const rowBytes = info.width * info.channels;
  for (const { region, pixels } of covers) {
    const coverRowBytes = region.width * info.channels;
    for (let row = 0; row < region.height; row++) {
      pixels.copy(data, (region.y + row) * rowBytes + region.x * info.channels, row * coverRowBytes, (row + 1) * coverRowBytes);
    }
  }
  return sharp(data, { raw }).jpeg({ quality: 85 }).toBuffer();
}

/** A small JPEG for staff pages, made when asked (originals may be large and carry metadata). */
export async function preview(original: Buffer, longestSide = 960): Promise<Buffer> {
  const sharp = await loadSharp();
  return sharp(original, { limitInputPixels: maxPixels })
    .rotate()
    .resize({ width: longestSide, height: longestSide, fit: 'inside', withoutEnlargement: true })
    .flatten({ background: '#ffffff' })
    .jpeg({ quality: 80 })
    .toBuffer();
}
