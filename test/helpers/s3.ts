import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import type { S3Config } from '../../src/config.ts';

/**
 * `moto_server` on loopback, when .ci/run found it installed and started it: the storage contract
 * runs once more against it. Read when a test file is collected, so a missing moto_server means
 * one backend fewer, never a skipped suite.
 */
export const motoUrl = process.env.ESAFETY_TEST_MOTO_URL || null;

/** A bucket for one test file, with a client of its own to look inside it (not the code under test). */
export interface TestBucket {
  readonly config: S3Config;
  /** The object's bytes as the store holds them, or null. */
  object(key: string): Promise<Buffer | null>;
  /** Puts bytes straight into the bucket (an earlier, interrupted run; a damaged object). */
  plant(key: string, bytes: Buffer): Promise<void>;
  exists(key: string): Promise<boolean>;
  stop(): Promise<void>;
}

function bucketClient(config: S3Config): S3Client {
  return new S3Client({
    endpoint: config.endpoint,
    region: config.region,
    forcePathStyle: true,
    credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

const isMissing = (error: unknown) => (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404;

async function testBucket(config: S3Config, stopServer: () => Promise<void>): Promise<TestBucket> {
  const client = bucketClient(config);
  await client.send(new CreateBucketCommand({ Bucket: config.bucket }));
  return {
    config,
    async object(key) {
      try {
        const answer = await client.send(new GetObjectCommand({ Bucket: config.bucket, Key: key }));
        return Buffer.from(await answer.Body!.transformToByteArray());
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
    async plant(key, bytes) {
      await client.send(new PutObjectCommand({ Bucket: config.bucket, Key: key, Body: bytes }));
    },
    async exists(key) {
      try {
        await client.send(new HeadObjectCommand({ Bucket: config.bucket, Key: key }));
        return true;
      } catch (error) {
        if (isMissing(error)) return false;
        throw error;
      }
    },
    async stop() {
      client.destroy();
      await stopServer();
    },
  };
}

/** s3rver in this process on 127.0.0.1 and a free port, keeping its objects in a temporary folder. It knows one access key (S3RVER) but does not check V4 signatures. */
export async function startS3rver(): Promise<TestBucket> {
  const directory = await mkdtemp(join(tmpdir(), 'esafety-s3rver-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, resetOnClose: true });
  const { port } = await server.run();
  const config: S3Config = {
    endpoint: `http://127.0.0.1:${port}`,
    region: 'us-east-1',
    bucket: 'esafety-photos',
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    forcePathStyle: true,
  };
  return testBucket(config, async () => {
    await server.close();
    await rm(directory, { recursive: true, force: true });
  });
}

/** A fresh bucket of its own in the moto_server that .ci/run started (it outlives the test). */
export function motoBucket(url: string): Promise<TestBucket> {
  const config: S3Config = {
    endpoint: url.replace(/\/+$/, ''),
    region: 'us-east-1',
    bucket: `esafety-${process.pid}-${Math.random().toString(36).slice(2, 10)}`,
    accessKeyId: 'testing',
    secretAccessKey: 'testing',
    forcePathStyle: true,
  };
  return testBucket(config, async () => {});
}

/** The same variables an operator sets, for CLI runs and loadConfig. */
export const s3Env = (config: S3Config): Record<string, string> => ({
  S3_ENDPOINT: config.endpoint,
  S3_REGION: config.region,
  S3_BUCKET: config.bucket,
  S3_ACCESS_KEY_ID: config.accessKeyId,
  S3_SECRET_ACCESS_KEY: config.secretAccessKey,
  S3_FORCE_PATH_STYLE: String(config.forcePathStyle),
});
