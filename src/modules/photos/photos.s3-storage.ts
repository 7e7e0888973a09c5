import type * as S3Sdk from '@aws-sdk/client-s3';
import type { S3Config } from '../../config.ts';
import { checkedKey, type PhotoStorage } from './photos.storage.ts';

/** What `esafety storage copy` needs besides the interface: an object's size without reading it, and closing the connections. */
export interface BucketStorage extends PhotoStorage {
  /** The object's size in bytes, or null when there is nothing under that key. */
  size(key: string): Promise<number | null>;
  /** Throws, with a plain reason, unless the bucket can be reached with these credentials. */
  check(): Promise<void>;
  /** Where the photographs are, for messages: bucket "NAME" at ENDPOINT. */
  readonly where: string;
  close(): Promise<void>;
}

type Sdk = typeof S3Sdk;

const notFound = (error: unknown) => {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === 'NoSuchKey' || e.name === 'NotFound' || e.$metadata?.httpStatusCode === 404;
};

/**
 * Photographs in a private bucket of an S3-compatible store (AWS, MinIO, Garage, Ceph, Wasabi…).
 * Nothing is made public: the app reads the bytes and serves them through its own routes, so the
 * consent check stays in one place. Checksums are sent and checked only when an operation requires
 * them, since stores other than AWS reject the SDK's newer default checksum headers. The SDK is
 * loaded on first use, so the folder driver and `esafety --help` never load it. Credentials and
 * region come from the configuration only: the SDK looks up nothing else on the network.
 */
export function s3Storage(config: S3Config): BucketStorage {
  let client: Promise<{ sdk: Sdk; s3: S3Sdk.S3Client }> | null = null;
  const connect = () =>
    (client ??= import('@aws-sdk/client-s3').then((sdk) => ({
      sdk,
      s3: new sdk.S3Client({
        endpoint: config.endpoint,
        region: config.region,
        forcePathStyle: config.forcePathStyle,
        credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
        requestHandler: { connectionTimeout: 10_000, requestTimeout: 120_000 },
      }),
    })));
  const where = `bucket "${config.bucket}" at ${config.endpoint}`;
  const failed = (what: string, key: string, error: unknown) =>
    new Error(`Could not ${what} ${key} in the ${where}: ${(error as Error).message || (error as Error).name}`, { cause: error });
  const Bucket = config.bucket;

  return {
    where,
    async check() {
      const { sdk, s3 } = await connect();
      try {
        await s3.send(new sdk.HeadBucketCommand({ Bucket }));
      } catch (error) {
        const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
        const reason =
          status === 404
            ? 'there is no such bucket (create it, private, first)'
            : status === 403
              ? 'the access key may not use it (check S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY and S3_REGION)'
              : (error as Error).message || (error as Error).name;
        throw new Error(`The ${where} cannot be used: ${reason}`, { cause: error });
      }
    },
    async put(key, bytes) {
      const Key = checkedKey(key);
      const { sdk, s3 } = await connect();
      try {
        // A PUT replaces the object whole: readers never see half a photograph.
        await s3.send(new sdk.PutObjectCommand({ Bucket, Key, Body: bytes, ContentLength: bytes.length, ContentType: 'application/octet-stream' }));
      } catch (error) {
        throw failed('store', key, error);
      }
    },
    async get(key) {
      const Key = checkedKey(key);
      const { sdk, s3 } = await connect();
      try {
        const answer = await s3.send(new sdk.GetObjectCommand({ Bucket, Key }));
        if (!answer.Body) return null;
        const bytes = await answer.Body.transformToByteArray();
        return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      } catch (error) {
        if (notFound(error)) return null;
        throw failed('read', key, error);
      }
    },
    async delete(key) {
      const Key = checkedKey(key);
      const { sdk, s3 } = await connect();
      try {
        await s3.send(new sdk.DeleteObjectCommand({ Bucket, Key }));
      } catch (error) {
        if (notFound(error)) return;
        throw failed('delete', key, error);
      }
    },
    async size(key) {
      const Key = checkedKey(key);
      const { sdk, s3 } = await connect();
      try {
        const answer = await s3.send(new sdk.HeadObjectCommand({ Bucket, Key }));
        return answer.ContentLength ?? null;
      } catch (error) {
        if (notFound(error)) return null;
        throw failed('look for', key, error);
      }
    },
    async close() {
      const open = client;
      client = null;
      if (open) (await open).s3.destroy();
    },
  };
}

/** At start-up: the app does not start with a bucket it cannot use, rather than failing at the first photograph. */
export async function checkBucket(config: S3Config): Promise<void> {
  const bucket = s3Storage(config);
  try {
    await bucket.check();
  } finally {
    await bucket.close();
  }
}
