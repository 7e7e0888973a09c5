/** A line-by-line comparison of two versions of a policy (longest common subsequence). Pure, no I/O. */
export type DiffLine =
  | { change: 'same'; text: string; oldNumber: number; newNumber: number }
  | { change: 'removed'; text: string; oldNumber: number }
  | { change: 'added'; text: string; newNumber: number };

export type DiffRow = DiffLine | { change: 'skipped'; count: number };

/** Longer documents are compared in full: policies run to a few hundred lines. */
export function diffLines(before: string, after: string): DiffLine[] {
  const a = before.replace(/\r\n?/g, '\n').split('\n');
  const b = after.replace(/\r\n?/g, '\n').split('\n');
  // Common lines at either end need no table.
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) { endA--; endB--; }
  const n = endA - start;
  const m = endB - start;
  const table = new Uint32Array((n + 1) * (m + 1));
  const at = (i: number, j: number) => i * (m + 1) + j;
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[at(i, j)] = a[start + i] === b[start + j] ? table[at(i + 1, j + 1)] + 1 : Math.max(table[at(i + 1, j)], table[at(i, j + 1)]);
    }
  }
  const lines: DiffLine[] = [];
  for (let k = 0; k < start; k++) lines.push({ change: 'same', text: a[k], oldNumber: k + 1, newNumber: k + 1 });
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[start + i] === b[start + j]) {
      lines.push({ change: 'same', text: a[start + i], oldNumber: start + i + 1, newNumber: start + j + 1 });
      i++; j++;
    } else if (j < m && (i === n || table[at(i, j + 1)] >= table[at(i + 1, j)])) {
      lines.push({ change: 'added', text: b[start + j], newNumber: start + j + 1 });
      j++;
    } else {
      lines.push({ change: 'removed', text: a[start + i], oldNumber: start + i + 1 });
      i++;
    }
  }
  for (let k = 0; k < a.length - endA; k++) lines.push({ change: 'same', text: a[endA + k], oldNumber: endA + k + 1, newNumber: endB + k + 1 });
  return lines;
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
