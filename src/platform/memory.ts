import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * One full garbage collection, for when start-up is over. Loading the app's modules, running the
 * migrations and starting the jobs leave garbage that an idle server keeps for minutes (V8 collects
 * again only when more is allocated); a full collection 5 s after start lowered the idle RSS by
 * 10–50 MB in five runs (bench/README.md, issue 17 point 12). V8 gives `gc` only to contexts made
 * after `--expose-gc` is set, hence the fresh context.
 */
export function collectStartupGarbage(): void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
}
