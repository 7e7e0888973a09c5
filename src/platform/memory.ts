import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * One full garbage collection, for when start-up is over. Loading the app's modules, running the
 * migrations and starting the jobs leave tens of megabytes of garbage and a grown heap that an idle
 * server keeps for minutes (V8 collects again only when more is allocated). Collected once here, the
 * idle server is that much smaller from the start (bench/README.md, issue 17 point 12). V8 gives
 * `gc` only to contexts made after `--expose-gc` is set, hence the fresh context.
 */
export function collectStartupGarbage(): void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
}
