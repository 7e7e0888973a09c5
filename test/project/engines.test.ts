import { readFileSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

/**
 * `engines` says which Node.js the school's server needs. Every installed package must run on it:
 * a package that wants a newer Node makes `npm install` warn (EBADENGINE) and may fail at run time.
 * CI runs this on the oldest Node we promise (.ci/run uses the machine's Node 20).
 */
describe('the Node.js version we promise', () => {
  const lock = JSON.parse(readFileSync(new URL('../../package-lock.json', import.meta.url), 'utf8')) as {
    packages: Record<string, { version?: string; engines?: unknown; dev?: boolean; optional?: boolean }>;
  };
  const promised = (lock.packages[''].engines as { node: string }).node;

  it('is the Node this runs on', () => {
    expect(semver.satisfies(process.version, promised)).toBe(true);
  });

  it('is supported by every installed package', () => {
    const refusing = Object.entries(lock.packages)
      .filter(([path]) => path !== '')
      .flatMap(([path, entry]) => {
        const wanted = typeof entry.engines === 'object' && entry.engines !== null ? (entry.engines as { node?: unknown }).node : undefined;
        if (typeof wanted !== 'string' || !semver.validRange(wanted)) return [];
        return semver.satisfies(process.version, wanted) ? [] : [`${path.replace(/^.*node_modules\//, '')}@${entry.version} wants Node ${wanted}`];
      });
    expect(refusing).toEqual([]);
  });
});
