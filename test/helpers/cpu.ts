/**
 * A stopwatch of this process's CPU time, in milliseconds: for speed tests of our own code, which
 * must not fail because other test files share the machine (wall time did: 1.27 s against a 1 s
 * limit with three files at once). Work the code hands to another thread still counts.
 */
export function cpuStopwatch(): () => number {
  const started = process.cpuUsage();
  return () => {
    const { user, system } = process.cpuUsage(started);
    return (user + system) / 1000;
  };
}
