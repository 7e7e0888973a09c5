import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../settings/settings.defaults.ts';
import { publishRefusals, type PublishCheck } from '../photos.rules.ts';
import {
  blazeFaceAnchors,
  decodeTile,
  enlarge,
  facesToBlur,
  finishBoxes,
  intersectionOverUnion,
  mergeFaces,
  tilePlan,
  tileStarts,
  unaccountedFaces,
  type FaceBox,
  type FaceTag,
} from './faces.rules.ts';

const box = (x: number, y: number, width: number, height = width, score = 0.9): FaceBox => ({ x, y, width, height, score });

describe('tileStarts: overlapping tiles cover an axis edge to edge', () => {
  it.each([
    { length: 200, input: 256, overlap: 64, starts: [0] },
    { length: 256, input: 256, overlap: 64, starts: [0] },
    { length: 300, input: 256, overlap: 64, starts: [0, 44] },
    { length: 512, input: 256, overlap: 64, starts: [0, 128, 256] },
    { length: 1024, input: 256, overlap: 64, starts: [0, 192, 384, 576, 768] },
  ])('$length px in tiles of $input overlapping $overlap: $starts', ({ length, input, overlap, starts }) => {
    expect(tileStarts(length, input, overlap)).toEqual(starts);
  });

  it('leaves no gap and no tile past the edge, and neighbours overlap by at least the overlap', () => {
    for (const length of [257, 700, 1500, 3024, 4032]) {
      const starts = tileStarts(length, 256, 64);
      expect(starts[0]).toBe(0);
      expect(starts[starts.length - 1] + 256).toBe(length);
      for (let i = 1; i < starts.length; i++) expect(starts[i - 1] + 256 - starts[i]).toBeGreaterThanOrEqual(64);
    }
  });

  it('uses as few tiles as that overlap allows, spread evenly', () => {
    for (const length of [257, 700, 1500, 3024, 4032]) {
      const starts = tileStarts(length, 256, 64);
      // One tile fewer would have to overlap by less.
      expect(256 * (starts.length - 1) - 64 * (starts.length - 2)).toBeLessThan(length);
      const strides = starts.slice(1).map((start, i) => start - starts[i]);
      expect(Math.max(...strides) - Math.min(...strides)).toBeLessThanOrEqual(1);
    }
  });
});

describe('tilePlan: an overview, then finer levels of tiles', () => {
  it.each([
    // The finest level is 960 px wide, not 1,024: 6% smaller, it needs five columns of tiles instead of six and four rows instead of five.
    { name: '12 MP landscape', width: 4032, height: 3024, scales: [256 / 4032, 512 / 4032, 960 / 4032], tiles: [1, 6, 20] },
    { name: 'a small picture is never enlarged', width: 200, height: 100, scales: [1], tiles: [1] },
    { name: 'a 600 px picture stops at full size', width: 600, height: 400, scales: [256 / 600, 512 / 600, 1], tiles: [1, 6, 6] },
  ])('$name', ({ width, height, scales, tiles }) => {
    const plan = tilePlan(width, height);
    expect(plan.map((l) => l.scale)).toEqual(scales);
    expect(plan.map((l) => l.tiles.length)).toEqual(tiles);
  });

  it('makes a level smaller only within the slack, and only when that saves tiles', () => {
    const options = { input: 256, overlap: 80, levels: 2, slack: 0.07 };
    const count = (plan: ReturnType<typeof tilePlan>) => plan.map((l) => l.tiles.length);
    expect(count(tilePlan(4032, 3024, { ...options, slack: 0 }))).toEqual([1, 6, 24]);
    expect(count(tilePlan(4032, 3024, options))).toEqual([1, 6, 20]);
    // 3 % is not enough to save a column or a row here: the level keeps its scale.
    expect(tilePlan(4032, 3024, { ...options, slack: 0.03 })[2].scale).toBe(1024 / 4032);
    // Full size made 4% smaller is still the last level, not repeated.
    expect(tilePlan(450, 300, options).map((l) => [l.width, l.tiles.length])).toEqual([
      [256, 1],
      [432, 4],
    ]);
  });

  it('has no tiles for an empty image', () => expect(tilePlan(0, 10)).toEqual([]));
});

describe('decodeTile: the model’s numbers become boxes in the original’s pixels', () => {
  const anchors = blazeFaceAnchors();
  it('has BlazeFace’s 896 anchors', () => expect(anchors).toHaveLength(896));

  it('places a box by its anchor and the tile’s position and scale, and drops low scores', () => {
    const scores = new Float32Array(896).fill(-10);
    const boxes = new Float32Array(896 * 16);
    // Anchor 0 is the top-left cell's centre: (0.5/16, 0.5/16) of the input = (8, 8) pixels.
    scores[0] = 3; // sigmoid ≈ 0.95
    boxes.set([2, -4, 20, 24], 0);
    scores[1] = -1; // sigmoid ≈ 0.27: dropped
    const found = decodeTile(scores, boxes, anchors, { scale: 0.5, left: 100, top: 40 }, 256, 0.5);
    expect(found).toHaveLength(1);
    // Centre (10, 4) in the tile → (110, 44) in the scaled image → (220, 88) in the original; size 40 × 48.
    expect(found[0]).toMatchObject({ x: 200, y: 64, width: 40, height: 48 });
    expect(found[0].score).toBeCloseTo(0.953, 3);
  });
});

describe('mergeFaces: one face seen by several tiles and anchors is one box', () => {
  it.each([
    { name: 'nothing', boxes: [], count: 0 },
    { name: 'two faces apart stay two', boxes: [box(0, 0, 50), box(200, 0, 50)], count: 2 },
    { name: 'the same face twice becomes one', boxes: [box(0, 0, 50, 50, 0.9), box(4, 2, 50, 50, 0.8)], count: 1 },
    { name: 'a face cut at a tile’s edge goes into the whole one', boxes: [box(0, 0, 100, 100, 0.95), box(50, 10, 45, 80, 0.7)], count: 1 },
    { name: 'neighbours in a row touching each other stay apart', boxes: [box(0, 0, 100), box(90, 0, 100)], count: 2 },
  ])('$name', ({ boxes, count }) => {
    expect(mergeFaces(boxes)).toHaveLength(count);
  });

  it('averages the merged boxes by score and keeps the best score', () => {
    const [merged] = mergeFaces([box(0, 0, 100, 100, 0.9), box(10, 0, 100, 100, 0.6)]);
    expect(merged.x).toBeCloseTo(4, 5);
    expect(merged.score).toBe(0.9);
  });

  it('measures overlap', () => {
    expect(intersectionOverUnion(box(0, 0, 10), box(0, 0, 10))).toBe(1);
    expect(intersectionOverUnion(box(0, 0, 10), box(10, 0, 10))).toBe(0);
    expect(intersectionOverUnion(box(0, 0, 10), box(5, 0, 10))).toBeCloseTo(50 / 150, 5);
  });
});

describe('finishBoxes: whole pixels inside the picture, read row by row', () => {
  it('clips, rounds and orders top row first, left to right', () => {
    const out = finishBoxes([box(300, 205, 50), box(-10, 210, 40.4), box(100, 20, 60), box(150, 198, 55)], 320, 240);
    expect(out.map((b) => [b.x, b.y, b.width, b.height])).toEqual([
      [100, 20, 60, 60],
      [0, 210, 30, 30],
      [150, 198, 55, 42],
      [300, 205, 20, 35],
    ]);
  });
});

const face = (pupilId: string | null, kind: FaceTag['kind'] = null): FaceTag => ({ pupilId, kind });

describe('unaccountedFaces: every face is a tagged pupil, a marked person, or counted as not identified', () => {
  it.each([
    { name: 'no faces', faces: [], pupils: 0, unidentified: 0, left: 0 },
    { name: 'three faces, nobody said', faces: [face(null), face(null), face(null)], pupils: 0, unidentified: 0, left: 3 },
    { name: 'two tagged, one not', faces: [face('a'), face('b'), face(null)], pupils: 2, unidentified: 0, left: 1 },
    { name: 'an adult and a not-a-face', faces: [face('a'), face(null, 'adult'), face(null, 'not-a-face')], pupils: 1, unidentified: 0, left: 0 },
    { name: 'not a pupil counts', faces: [face(null, 'not-a-pupil'), face(null)], pupils: 0, unidentified: 0, left: 1 },
    { name: 'pupils tagged from the class list count too', faces: [face(null), face(null)], pupils: 2, unidentified: 0, left: 0 },
    { name: 'people counted as not identified count', faces: [face(null), face(null)], pupils: 1, unidentified: 1, left: 0 },
    { name: 'more tagged than faces is not negative', faces: [face(null)], pupils: 3, unidentified: 0, left: 0 },
  ])('$name → $left', ({ faces, pupils, unidentified, left }) => {
    expect(unaccountedFaces(faces, pupils, unidentified)).toBe(left);
  });
});

describe('facesToBlur: which faces the published copy blurs', () => {
  const faces = [face('may'), face('may-not'), face(null, 'adult'), face(null, 'not-a-pupil'), face(null, 'not-a-face')];
  const mayAppear = (id: string) => id === 'may';
  it.each([
    { mode: 'none' as const, blurred: [] },
    { mode: 'without-consent' as const, blurred: [1, 3] },
    { mode: 'all' as const, blurred: [0, 1, 2, 3] },
  ])('$mode → faces $blurred', ({ mode, blurred }) => {
    expect(facesToBlur(faces, mode, mayAppear)).toEqual(blurred);
  });
});

describe('enlarge: the blurred box reaches beyond the face, inside the picture', () => {
  it.each([
    { name: 'in the middle', b: { x: 100, y: 100, width: 50, height: 60 }, out: { x: 85, y: 82, width: 80, height: 96 } },
    { name: 'at the corner', b: { x: 0, y: 0, width: 50, height: 50 }, out: { x: 0, y: 0, width: 65, height: 65 } },
    { name: 'at the far edge', b: { x: 180, y: 180, width: 20, height: 20 }, out: { x: 174, y: 174, width: 26, height: 26 } },
  ])('$name', ({ b, out }) => {
    expect(enlarge(b, 0.3, 200, 200)).toEqual(out);
  });
});

describe('the publishing check counts faces (issue 14)', () => {
  const display = defaultSettings.photos.channels.find((c) => !c.headteacherApproval && !c.expressPermission)!;
  const purpose = defaultSettings.consent.purposes.find((p) => p.key === display.purpose);
  const base: PublishCheck = { channel: display, purpose, tagged: [], unidentified: 0, texts: { caption: '', altText: '', fileName: '' }, directory: [] };
  const amelia = { id: 'p-amelia', givenName: 'Amelia', familyName: 'Clarke', preferredName: null, express: null };

  it.each([
    { name: 'every face accounted for', check: { faces: { checked: true, unaccounted: 0, pupilsOnFaces: [] } }, codes: [] },
    { name: 'one face not identified', check: { faces: { checked: true, unaccounted: 1, pupilsOnFaces: [] } }, codes: ['untagged-faces'] },
    { name: 'faces not looked for yet', check: { faces: { checked: false, unaccounted: 0, pupilsOnFaces: [] } }, codes: ['faces-not-checked'] },
    {
      name: 'a child without consent whose face is blurred does not block',
      check: {
        tagged: [{ ...amelia, status: 'may-not' as const }],
        faces: { checked: true, unaccounted: 0, pupilsOnFaces: ['p-amelia'] },
        blur: 'without-consent' as const,
      },
      codes: [],
    },
    {
      name: 'unless nothing is blurred',
      check: {
        tagged: [{ ...amelia, status: 'may-not' as const }],
        faces: { checked: true, unaccounted: 0, pupilsOnFaces: ['p-amelia'] },
        blur: 'none' as const,
      },
      codes: [undefined],
    },
    {
      name: 'or the child is tagged on no face (nothing to blur)',
      check: { tagged: [{ ...amelia, status: 'no-answer' as const }], faces: { checked: true, unaccounted: 0, pupilsOnFaces: [] }, blur: 'all' as const },
      codes: [undefined],
    },
  ])('$name', ({ check, codes }) => {
    expect(publishRefusals({ ...base, ...check }).map((r) => r.code)).toEqual(codes);
  });

  it('says how many faces are not identified', () => {
    const [refusal] = publishRefusals({ ...base, faces: { checked: true, unaccounted: 3, pupilsOnFaces: [] } });
    expect(refusal).toMatchObject({ code: 'untagged-faces', count: 3 });
    expect(refusal.reason).toMatch(/^3 faces in this photograph are not yet identified/);
  });
});
