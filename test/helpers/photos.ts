import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LightMyRequestResponse } from 'fastify';
import sharp from 'sharp';
import type { Kysely } from 'kysely';
import type { DB } from '../../src/platform/db/schema.ts';
import type { Config } from '../../src/config.ts';
import { withSchool } from '../../src/platform/db/school-scope.ts';
import { carersOf, findPupil } from '../../src/modules/consent/consent.repository.ts';
import { appendDecision } from '../../src/modules/consent/consent.service.ts';
import { currentSettings } from '../../src/modules/settings/settings.service.ts';
import { createImportService } from '../../src/modules/people/import.service.ts';
import { addApiToken } from '../../src/modules/school/school.service.ts';
import { createTestApp, type TestApp } from './app.ts';
import type { DatabaseKind } from './database.ts';
import { makeSchool, makeStaff, type TestStaff } from './factories.ts';

const fixtureDir = new URL('../fixtures/oneroster/basic', import.meta.url).pathname;
export const heicFixture = new URL('../fixtures/photos/sample.heic', import.meta.url).pathname;

/** A real JPEG from a "phone": EXIF camera details, GPS position, orientation 6 (rotated), an XMP packet. */
export async function phoneJpeg(width = 400, height = 300): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 30, g: 140, b: 60 } } })
    .composite([
      {
        input: { create: { width: Math.round(width / 4), height: Math.round(height / 4), channels: 3, background: { r: 250, g: 220, b: 0 } } },
        left: 5,
        top: 5,
      },
    ])
    .withExifMerge({
      IFD0: { Make: 'Apple', Model: 'iPhone 15 Pro', Software: 'Photos 17.0' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '52/1 57/1 0/1', GPSLongitudeRef: 'W', GPSLongitude: '1/1 9/1 0/1' },
    })
    .withMetadata({ orientation: 6 })
    .withXmp(
      '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Amelia Clarke sports day</dc:title></rdf:Description></rdf:RDF></x:xmpmeta>',
    )
    .jpeg({ quality: 90 })
    .toBuffer();
}

export const png = (width = 64, height = 48) =>
  sharp({ create: { width, height, channels: 4, background: { r: 0, g: 0, b: 255, alpha: 0.5 } } })
    .png()
    .toBuffer();
export const webp = (width = 64, height = 48) =>
  sharp({ create: { width, height, channels: 3, background: '#c0ffee' } })
    .webp()
    .toBuffer();

/** A tiny PNG whose header claims 50,000 × 50,000 pixels: the classic decompression bomb. */
export async function pngBomb(): Promise<Buffer> {
  const bytes = Buffer.from(await png(16, 16));
  bytes.writeUInt32BE(50_000, 16);
  bytes.writeUInt32BE(50_000, 20);
  // The header's CRC must match, or the file is simply "not an image".
  bytes.writeUInt32BE(crc32(bytes.subarray(12, 29)), 29);
  return bytes;
}

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

export function multipart(fields: Record<string, string | string[]>, file?: { name: string; content: Uint8Array; type?: string }) {
  const boundary = '----esafety-photo-boundary';
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    for (const value of [v].flat()) parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${value}\r\n`));
  if (file) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`,
      ),
    );
    parts.push(Buffer.from(file.content), Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Every file under the storage folder: "nothing stored" is checked here. */
export async function storedFiles(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  } catch {
    return [];
  }
}

/** A carer's answer to an express permission request, as their personal link would record it. */
async function answerExpress(db: Kysely<DB>, schoolId: string, pupilId: string, purpose: string, decision: 'granted' | 'refused') {
  await withSchool(db, schoolId, async (tx) => {
    const settings = (await currentSettings(tx, schoolId)).settings;
    const pupil = (await findPupil(tx, pupilId))!;
    for (const carer of await carersOf(tx, pupilId)) {
      if (carer.parental_responsibility)
        await appendDecision(
          tx,
          schoolId,
          settings,
          { id: null, label: 'carer' },
          pupil,
          purpose,
          { decision, carerId: carer.id, method: 'online' },
          purpose.slice(8),
          'http://localhost',
        );
    }
  });
}

export interface PhotoSchool {
  t: TestApp;
  storageDir: string;
  schoolId: string;
  teacher: TestStaff;
  head: TestStaff;
  tokens: { teacher: string; head: string; office: string; deputy: string };
  pupil(sourcedId: string): Promise<{ id: string; class_id: string | null }>;
  /** Records a carer's answer through the consent API, as the office would. */
  consent(pupilId: string, purpose: string, decision: 'granted' | 'refused'): Promise<void>;
  api(method: 'GET' | 'POST' | 'PUT', url: string, token: string, payload?: object): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** John Clifford-like school: the OneRoster fixture's pupils and carers, staff in each role, photos in a temporary folder (or where `overrides` say). */
export async function photoSchool(kind: DatabaseKind, overrides: Partial<Config> = {}): Promise<PhotoSchool> {
  const storageDir = await mkdtemp(join(tmpdir(), 'esafety-photos-'));
  const t = await createTestApp(kind, { storageDir, ...overrides });
  const db = t.database.db;
  const schoolId = (await makeSchool(db, { name: 'John Clifford Primary' })).id;
  await createImportService(t.database.schools).importFromPath(schoolId, { id: null, label: 'test' }, fixtureDir, false);
  const [teacher, head, office, deputy] = await Promise.all([
    makeStaff(db, schoolId, ['teacher']),
    makeStaff(db, schoolId, ['headteacher']),
    makeStaff(db, schoolId, ['office']),
    makeStaff(db, schoolId, ['deputy-headteacher']),
  ]);
  const token = (email: string) => withSchool(db, schoolId, (tx) => addApiToken(tx, schoolId, { id: null, label: 'test' }, email));
  const tokens = { teacher: await token(teacher.email), head: await token(head.email), office: await token(office.email), deputy: await token(deputy.email) };
  const api: PhotoSchool['api'] = (method, url, bearer, payload) =>
    t.app.inject({ method, url, headers: { authorization: `Bearer ${bearer}` }, ...(payload ? { payload } : {}) });
  return {
    t,
    storageDir,
    schoolId,
    teacher,
    head,
    tokens,
    api,
    pupil: (sourcedId) =>
      db.selectFrom('pupils').select(['id', 'class_id']).where('sourced_id', '=', sourcedId).where('school_id', '=', schoolId).executeTakeFirstOrThrow(),
    async consent(pupilId, purpose, decision) {
      if (purpose.startsWith('express:')) return answerExpress(db, schoolId, pupilId, purpose, decision);
      const carers = await db
        .selectFrom('pupil_carers')
        .select('carer_id')
        .where('pupil_id', '=', pupilId)
        .where('parental_responsibility', '=', true)
        .execute();
      for (const carer of carers) {
        const response = await api('PUT', `/api/v1/pupils/${pupilId}/consents/${purpose}`, tokens.office, {
          decision,
          carerId: carer.carer_id,
          method: 'paper',
        });
        if (response.statusCode !== 200) throw new Error(`consent: ${response.statusCode} ${response.body}`);
      }
    },
    async close() {
      await t.close();
      await rm(storageDir, { recursive: true, force: true });
    },
  };
}
