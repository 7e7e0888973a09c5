/** A line-by-line comparison of two versions of a policy. Pure, no I/O. */
export type DiffLine =
  | { change: 'same'; text: string; oldNumber: number; newNumber: number }
  | { change: 'removed'; text: string; oldNumber: number }
  | { change: 'added'; text: string; newNumber: number };

export type DiffRow = DiffLine | { change: 'skipped'; count: number };

/**
 * How much the comparison takes on. Policies run to a few hundred lines; past these limits the
 * page says so instead of using minutes and gigabytes on an imported book.
 */
export const comparisonLimits = {
  /** Characters in either version: the most the editor accepts. */
  maxCharacters: 500_000,
  /** Lines added plus lines removed. */
  maxChanges: 2_000,
  /** Line comparisons, a bound on time when many lines repeat (blank lines, "Yes"). */
  maxSteps: 20_000_000,
};
export type ComparisonLimits = typeof comparisonLimits;

export type Comparison = { lines: DiffLine[]; tooLarge: null } | { lines: null; tooLarge: 'size' | 'changes' };

/** What the comparison page says instead of a table when the versions are not compared. */
export function whyNotCompared(reason: 'size' | 'changes', limits: ComparisonLimits = comparisonLimits): string {
  return reason === 'size'
    ? `One of these versions is longer than ${limits.maxCharacters.toLocaleString('en-GB')} characters, too long to compare line by line. Open each version to read it.`
    : `These versions differ in too many places to compare line by line (the comparison stops at ${limits.maxChanges.toLocaleString('en-GB')} lines added or removed). Open each version to read it.`;
}

const splitLines = (text: string) => text.replace(/\r\n?/g, '\n').split('\n');

/**
 * Which lines were added and removed (Myers' shortest edit script over the lines that differ),
 * or why the two versions are not compared: too long, or too many lines changed.
 */
export function compareTexts(before: string, after: string, limits: ComparisonLimits = comparisonLimits): Comparison {
  if (before.length > limits.maxCharacters || after.length > limits.maxCharacters) return { lines: null, tooLarge: 'size' };
  const a = splitLines(before);
  const b = splitLines(after);
  // Common lines at either end need no search.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const middle = shortestEdit(a.slice(start, endA), b.slice(start, endB), limits);
  if (!middle) return { lines: null, tooLarge: 'changes' };
  const lines: DiffLine[] = [];
  for (let k = 0; k < start; k++) lines.push({ change: 'same', text: a[k], oldNumber: k + 1, newNumber: k + 1 });
  for (const line of middle) {
    if (line.change === 'same') lines.push({ ...line, oldNumber: line.oldNumber + start, newNumber: line.newNumber + start });
    else if (line.change === 'added') lines.push({ ...line, newNumber: line.newNumber + start });
    else lines.push({ ...line, oldNumber: line.oldNumber + start });
  }
  for (let k = 0; k < a.length - endA; k++) lines.push({ change: 'same', text: a[endA + k], oldNumber: endA + k + 1, newNumber: endB + k + 1 });
  return { lines, tooLarge: null };
}

/** The comparison without limits, for texts known to be small. */
export function diffLines(before: string, after: string): DiffLine[] {
  const { lines } = compareTexts(before, after, { maxCharacters: Infinity, maxChanges: Infinity, maxSteps: Infinity });
  return lines ?? [];
}

/**
 * Myers' O((N+M)·D) algorithm, keeping for each number of edits d the furthest point reached on
 * each diagonal k = x − y (x lines of a used, y of b), then walking back from the end. Null when
 * more than maxChanges edits or maxSteps line comparisons would be needed.
 */
function shortestEdit(a: string[], b: string[], limits: ComparisonLimits): DiffLine[] | null {
  const n = a.length;
  const m = b.length;
  if (n + m - 2 * linesInBoth(a, b) > limits.maxChanges) return null;
  const most = Math.min(n + m, limits.maxChanges);
  const offset = most + 1;
  const furthest = new Int32Array(2 * most + 3);
  // trace[d] holds the furthest points before step d, for diagonals −d … d.
  const trace: Int32Array[] = [];
  let steps = 0;
  for (let d = 0; d <= most; d++) {
    trace.push(furthest.slice(offset - d, offset + d + 1));
    for (let k = -d; k <= d; k += 2) {
      // Either move is as short on a tie; runs of changes are put in reading order afterwards.
      const below = furthest[offset + k - 1];
      const above = furthest[offset + k + 1];
      let x = k === -d || (k !== d && below + 1 < above) ? above : below + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
        steps++;
      }
      if (++steps > limits.maxSteps) return null;
      furthest[offset + k] = x;
      if (x >= n && y >= m) return walkBack(a, b, trace);
    }
  }
  return null;
}

/**
 * How many lines could be kept, counting repeats: every other line is added or removed, so the
 * comparison can refuse versions that differ too much without searching at all.
 */
function linesInBoth(a: string[], b: string[]): number {
  const counts = new Map<string, number>();
  for (const line of a) counts.set(line, (counts.get(line) ?? 0) + 1);
  let both = 0;
  for (const line of b) {
    const left = counts.get(line) ?? 0;
    if (left > 0) {
      both++;
      counts.set(line, left - 1);
    }
  }
  return both;
}

function walkBack(a: string[], b: string[], trace: Int32Array[]): DiffLine[] {
  const reversed: DiffLine[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = trace.length - 1; d >= 0; d--) {
    const before = trace[d];
    const v = (k: number) => before[k + d];
    const k = x - y;
    let previousX = 0;
    let previousY = 0;
    let added = false;
    if (d > 0) {
      added = k === -d || (k !== d && v(k - 1) + 1 < v(k + 1));
      const previousK = added ? k + 1 : k - 1;
      previousX = v(previousK);
      previousY = previousX - previousK;
    }
    const snakeX = d > 0 ? (added ? previousX : previousX + 1) : 0;
    while (x > snakeX) {
      x--;
      y--;
      reversed.push({ change: 'same', text: a[x], oldNumber: x + 1, newNumber: y + 1 });
    }
    if (d === 0) break;
    if (added) reversed.push({ change: 'added', text: b[previousY], newNumber: previousY + 1 });
    else reversed.push({ change: 'removed', text: a[previousX], oldNumber: previousX + 1 });
    x = previousX;
    y = previousY;
  }
  return inReadingOrder(reversed.reverse());
}

/** Within each run of changes, the new lines first and then the old ones, as the page has always shown them. */
function inReadingOrder(lines: DiffLine[]): DiffLine[] {
  const ordered: DiffLine[] = [];
  let run: DiffLine[] = [];
  const flush = () => {
    ordered.push(...run.filter((l) => l.change === 'added'), ...run.filter((l) => l.change === 'removed'));
    run = [];
  };
  for (const line of lines) {
    if (line.change === 'same') {
      flush();
      ordered.push(line);
    } else run.push(line);
  }
  flush();
  return ordered;
}

/** Keeps `context` unchanged lines around each change and folds the rest into "N lines unchanged". */
export function withContext(lines: DiffLine[], context = 2): DiffRow[] {
  const near = lines.map(() => false);
  lines.forEach((line, index) => {
    if (line.change === 'same') return;
    for (let k = Math.max(0, index - context); k <= Math.min(lines.length - 1, index + context); k++) near[k] = true;
  });
  const rows: DiffRow[] = [];
  let skipped = 0;
  lines.forEach((line, index) => {
    if (near[index]) {
      if (skipped) rows.push({ change: 'skipped', count: skipped });
      skipped = 0;
      rows.push(line);
    } else {
      skipped++;
    }
  });
  if (skipped) rows.push({ change: 'skipped', count: skipped });
  return rows;
}

export function diffSummary(lines: DiffLine[]): { added: number; removed: number } {
  return { added: lines.filter((l) => l.change === 'added').length, removed: lines.filter((l) => l.change === 'removed').length };
}
