/**
 * Pure decisions about faces (issue 14), no I/O: where to look (a pyramid of overlapping tiles), how
 * to read the model's answer, how to merge what overlapping tiles found, whether every face is
 * accounted for, and which faces are blurred in a published copy. Detection only: a face is a box.
 */

/** A face found in a photograph: a box in pixels of the stored original after rotation, and the model's confidence. */
export interface FaceBox {
  x: number;
  y: number;
  width: number;
  height: number;
  score: number;
}

/** One square the model looks at: `size` pixels of the image scaled by `scale`, starting at (left, top) of the scaled image. */
export interface Tile {
  scale: number;
  left: number;
  top: number;
}

export interface TilePlanOptions {
  /** The model's input side (BlazeFace's back-camera model: 256). */
  input: number;
  /** How far neighbouring tiles overlap, in the model's pixels: a face up to this size lies whole in at least one tile. */
  overlap: number;
  /** Levels after the overview, each twice as fine as the one before. */
  levels: number;
  /**
   * How much smaller than twice the level before a level may be made, when that saves a row or a
   * column of tiles (faces a few per cent smaller, which the model still finds).
   */
  slack: number;
}

export const defaultTilePlan: TilePlanOptions = { input: 256, overlap: 80, levels: 2, slack: 0.07 };

/** How many tiles of `input` overlapping by at least `overlap` cover `length`. */
export function tileCount(length: number, input: number, overlap: number): number {
  return length <= input ? 1 : Math.ceil((length - overlap) / (input - overlap));
}

/** Where the tiles of one axis start: as few tiles as overlap by at least `overlap`, spread evenly from 0 to flush with the far edge. */
export function tileStarts(length: number, input: number, overlap: number): number[] {
  const count = tileCount(length, input, overlap);
  if (count === 1) return [0];
  const starts: number[] = [];
  for (let i = 0; i < count; i++) starts.push(Math.round((i * (length - input)) / (count - 1)));
  return starts;
}

/**
 * The overview (the whole photograph in one tile) and finer levels of overlapping tiles, each twice
 * the scale of the one before (or up to `slack` less, where that saves tiles), never enlarging past
 * the original. A face too small for the overview is large enough at a finer level; the overlap
 * keeps a face whole in some tile.
 */
export interface TileLevel {
  scale: number;
  width: number;
  height: number;
  tiles: Tile[];
}

export function tilePlan(width: number, height: number, options: TilePlanOptions = defaultTilePlan): TileLevel[] {
  if (width <= 0 || height <= 0) return [];
  const overview = Math.min(1, options.input / Math.max(width, height));
  const levels: TileLevel[] = [];
  for (let level = 0, nominal = overview, before = 0; level <= options.levels; level++, before = nominal, nominal = Math.min(1, nominal * 2)) {
    if (nominal === before) break;
    const scale = level === 0 ? nominal : thriftyScale(width, height, nominal, options);
    const w = Math.max(1, Math.round(width * scale));
    const h = Math.max(1, Math.round(height * scale));
    const tiles: Tile[] = [];
    for (const top of tileStarts(h, options.input, options.overlap))
      for (const left of tileStarts(w, options.input, options.overlap)) tiles.push({ scale, left, top });
    levels.push({ scale, width: w, height: h, tiles });
  }
  return levels;
}

/**
 * The scale for a level: `nominal`, or down to `slack` smaller where that needs fewer tiles (the
 * largest such scale). The tile count only drops where a side becomes exactly what one tile fewer
 * covers, so those sizes are the candidates.
 */
function thriftyScale(width: number, height: number, nominal: number, options: TilePlanOptions): number {
  const { input, overlap, slack } = options;
  const tiles = (scale: number) => tileCount(Math.round(width * scale), input, overlap) * tileCount(Math.round(height * scale), input, overlap);
  const lowest = nominal * (1 - slack);
  let best = nominal;
  for (const side of [width, height]) {
    // `count` tiles cover overlap + count × (input − overlap) pixels.
    for (let count = tileCount(Math.round(side * nominal), input, overlap) - 1; count >= 1; count--) {
      const scale = (overlap + count * (input - overlap)) / side;
      if (scale < lowest) break;
      if (tiles(scale) < tiles(best) || (tiles(scale) === tiles(best) && scale > best)) best = scale;
    }
  }
  return best;
}

/** BlazeFace's anchors: the centre of each cell, in fractions of the input (16×16 cells × 2, then 8×8 × 6). */
export function blazeFaceAnchors(layers: readonly { cells: number; perCell: number }[] = blazeFaceLayers): [number, number][] {
  const anchors: [number, number][] = [];
  for (const { cells, perCell } of layers)
    for (let y = 0; y < cells; y++) for (let x = 0; x < cells; x++) for (let k = 0; k < perCell; k++) anchors.push([(x + 0.5) / cells, (y + 0.5) / cells]);
  return anchors;
}
export const blazeFaceLayers = [
  { cells: 16, perCell: 2 },
  { cells: 8, perCell: 6 },
] as const;

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/**
 * Reads the model's answer for one tile: `scores` (one logit per anchor) and `boxes` (16 numbers per
 * anchor: centre offset, size, six key points, in input pixels). Returns the boxes above
 * `threshold` in pixels of the original photograph. Key points are dropped: we keep boxes only.
 */
export function decodeTile(
  scores: ArrayLike<number>,
  boxes: ArrayLike<number>,
  anchors: readonly [number, number][],
  tile: Tile,
  input: number,
  threshold: number,
): FaceBox[] {
  const found: FaceBox[] = [];
  // Most anchors see no face: compare their raw score first and leave the exponential to the few that might.
  const lowestLogit = Math.log(threshold / (1 - threshold)) - 1e-6;
  for (let i = 0; i < anchors.length; i++) {
    if (!(scores[i] >= lowestLogit)) continue;
    const score = sigmoid(scores[i]);
    if (score < threshold) continue;
    const [ax, ay] = anchors[i];
    const cx = ax * input + boxes[i * 16];
    const cy = ay * input + boxes[i * 16 + 1];
    const w = boxes[i * 16 + 2];
    const h = boxes[i * 16 + 3];
    if (!(w > 0 && h > 0)) continue;
    found.push({
      x: (tile.left + cx - w / 2) / tile.scale,
      y: (tile.top + cy - h / 2) / tile.scale,
      width: w / tile.scale,
      height: h / tile.scale,
      score,
    });
  }
  return found;
}

export function intersectionOverUnion(a: FaceBox, b: FaceBox): number {
  const ix = Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x));
  const iy = Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));
  const inner = ix * iy;
  const union = a.width * a.height + b.width * b.height - inner;
  return union > 0 ? inner / union : 0;
}

/** How much of the smaller box lies inside the larger: a face half-cut at a tile's edge is inside the whole one. */
export function overlapOfSmaller(a: FaceBox, b: FaceBox): number {
  const ix = Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x));
  const iy = Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));
  const smaller = Math.min(a.width * a.height, b.width * b.height);
  return smaller > 0 ? (ix * iy) / smaller : 0;
}

/**
 * Non-maximum suppression, weighted as MediaPipe does: boxes overlapping the strongest are merged
 * into it (their positions averaged by score), so one face seen by several tiles and anchors is one box.
 * A box mostly inside a stronger, larger one (a face cut at a tile's edge) is merged too.
 */
export function mergeFaces(boxes: readonly FaceBox[], iouThreshold = 0.3, containedThreshold = 0.7): FaceBox[] {
  const left = [...boxes].sort((a, b) => b.score - a.score);
  const merged: FaceBox[] = [];
  while (left.length) {
    const best = left.shift()!;
    const group = [best];
    for (let i = left.length - 1; i >= 0; i--) {
      const other = left[i];
      if (intersectionOverUnion(best, other) >= iouThreshold || overlapOfSmaller(best, other) >= containedThreshold) {
        group.push(other);
        left.splice(i, 1);
      }
    }
    const total = group.reduce((sum, b) => sum + b.score, 0);
    const mean = (key: 'x' | 'y' | 'width' | 'height') => group.reduce((sum, b) => sum + b[key] * b.score, 0) / total;
    merged.push({ x: mean('x'), y: mean('y'), width: mean('width'), height: mean('height'), score: best.score });
  }
  return merged;
}

/** Boxes as stored and answered: whole pixels inside the photograph, in reading order (top row first, left to right). */
export function finishBoxes(boxes: readonly FaceBox[], width: number, height: number): FaceBox[] {
  const clipped = boxes
    .map((b) => {
      const x = Math.max(0, Math.round(b.x));
      const y = Math.max(0, Math.round(b.y));
      return {
        x,
        y,
        width: Math.min(width, Math.round(b.x + b.width)) - x,
        height: Math.min(height, Math.round(b.y + b.height)) - y,
        score: Math.round(b.score * 1000) / 1000,
      };
    })
    .filter((b) => b.width > 0 && b.height > 0);
  // Rows: faces whose centres are within half a face's height of each other read left to right.
  clipped.sort((a, b) => a.y + a.height / 2 - (b.y + b.height / 2));
  const rows: FaceBox[][] = [];
  for (const box of clipped) {
    const row = rows[rows.length - 1];
    const centre = box.y + box.height / 2;
    if (row && Math.abs(centre - (row[0].y + row[0].height / 2)) < row[0].height / 2) row.push(box);
    else rows.push([box]);
  }
  return rows.flatMap((row) => row.sort((a, b) => a.x - b.x));
}

/** What staff said about one face: a pupil, or one of the marks; null while nobody has said. */
export type FaceKind = 'adult' | 'not-a-pupil' | 'not-a-face';
export interface FaceTag {
  pupilId: string | null;
  kind: FaceKind | null;
}

/**
 * The check (issue 14): faces found, less those marked "not a face", must not exceed the pupils
 * tagged plus the people marked adult or not a pupil plus those counted as not identified yet.
 * Returns how many faces are not accounted for.
 */
export function unaccountedFaces(faces: readonly FaceTag[], taggedPupils: number, unidentified: number): number {
  const real = faces.filter((f) => f.kind !== 'not-a-face').length;
  const marked = faces.filter((f) => f.pupilId === null && (f.kind === 'adult' || f.kind === 'not-a-pupil')).length;
  return Math.max(0, real - taggedPupils - marked - unidentified);
}

export type BlurFaces = 'none' | 'without-consent' | 'all';
export const blurChoices: readonly BlurFaces[] = ['none', 'without-consent', 'all'];

/**
 * Which faces are blurred in the published copy: none; every face but those marked "not a face";
 * or the faces of children who may not appear: a pupil without consent for this use, and anyone
 * marked "not a pupil" (whose consent cannot be known). Adults are not blurred unless "all".
 */
export function facesToBlur(faces: readonly FaceTag[], mode: BlurFaces, mayAppear: (pupilId: string) => boolean): number[] {
  const blurred: number[] = [];
  faces.forEach((face, index) => {
    if (mode === 'none' || face.kind === 'not-a-face') return;
    if (mode === 'all') blurred.push(index);
    else if (face.pupilId ? !mayAppear(face.pupilId) : face.kind === 'not-a-pupil') blurred.push(index);
  });
  return blurred;
}

/** A box grown by `margin` of its size on every side (hair, ears and chin), kept inside the picture. */
export function enlarge(box: { x: number; y: number; width: number; height: number }, margin: number, width: number, height: number) {
  const x = Math.max(0, Math.floor(box.x - box.width * margin));
  const y = Math.max(0, Math.floor(box.y - box.height * margin));
  const right = Math.min(width, Math.ceil(box.x + box.width * (1 + margin)));
  const bottom = Math.min(height, Math.ceil(box.y + box.height * (1 + margin)));
  return { x, y, width: Math.max(0, right - x), height: Math.max(0, bottom - y) };
}
