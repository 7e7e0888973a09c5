import { describe, expect, it } from 'vitest';
import { compareTexts, comparisonLimits, diffLines, diffSummary, withContext } from './policies.diff.rules.ts';
import { renderPolicyMarkdown } from './policies.markdown.ts';
import { mustAcknowledge, sameName, signatoryTitles, slugFor, unsignedTitles } from './policies.rules.ts';
import { cpuStopwatch } from '../../../test/helpers/cpu.ts';

describe('comparing two versions line by line', () => {
  it('finds added, removed and unchanged lines in order', () => {
    const lines = diffLines('a\nb\nc\nd', 'a\nc\nd\ne');
    expect(lines.map((l) => `${l.change} ${l.text}`)).toEqual(['same a', 'removed b', 'same c', 'same d', 'added e']);
    expect(diffSummary(lines)).toEqual({ added: 1, removed: 1 });
  });

  it('shows a changed line as the old one removed and the new one added', () => {
    expect(diffLines('Reviewed every year', 'Reviewed every three years')).toEqual([
      { change: 'added', text: 'Reviewed every three years', newNumber: 1 },
      { change: 'removed', text: 'Reviewed every year', oldNumber: 1 },
    ]);
  });

  it('folds long unchanged stretches, keeping two lines either side of a change', () => {
    const before = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`).join('\n');
    const after = before.replace('line 10', 'line ten');
    const rows = withContext(diffLines(before, after));
    expect(rows[0]).toEqual({ change: 'skipped', count: 7 });
    expect(rows.filter((r) => r.change === 'same')).toHaveLength(4);
    expect(rows.at(-1)).toEqual({ change: 'skipped', count: 8 });
  });

  it('says nothing changed for identical texts', () => {
    expect(withContext(diffLines('same\ntext', 'same\ntext'))).toEqual([{ change: 'skipped', count: 2 }]);
  });
});

/** The length of the longest common subsequence, the slow way, to check the comparison against. */
function commonLines(a: string[], b: string[]): number {
  const row = new Array<number>(b.length + 1).fill(0);
  for (const line of a) {
    let diagonal = 0;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = line === b[j - 1] ? diagonal + 1 : Math.max(row[j], row[j - 1]);
      diagonal = above;
    }
  }
  return row[b.length];
}

describe('comparing long versions without running for minutes', () => {
  const numbered = (count: number, label: string) => Array.from({ length: count }, (_, i) => `${label}${i}`).join('\n');
  const timed = <T>(work: () => T) => {
    const elapsed = cpuStopwatch();
    const result = work();
    return { result, ms: elapsed() };
  };

  it('refuses two different 40,000-line versions quickly, saying too many lines changed', () => {
    const { result, ms } = timed(() => compareTexts(numbered(40_000, 'a'), numbered(40_000, 'b')));
    expect(result).toEqual({ lines: null, tooLarge: 'changes' });
    expect(ms).toBeLessThan(2000);
  });

  it('compares two 40,000-line versions that differ in a few places, quickly and exactly', () => {
    const before = numbered(40_000, 'line ');
    const after = before.replace('line 100\n', 'line one hundred\n').replace('line 20000\n', '').replace('line 39000\n', 'line 39000\nnew line\n');
    const { result, ms } = timed(() => compareTexts(before, after));
    expect(ms).toBeLessThan(2000);
    expect(diffSummary(result.lines!)).toEqual({ added: 2, removed: 2 });
    expect(result.lines!.filter((l) => l.change !== 'same')).toEqual([
      { change: 'added', text: 'line one hundred', newNumber: 101 },
      { change: 'removed', text: 'line 100', oldNumber: 101 },
      { change: 'removed', text: 'line 20000', oldNumber: 20001 },
      { change: 'added', text: 'new line', newNumber: 39001 },
    ]);
  });

  it('stops within its budget when many lines repeat, as blank lines do', () => {
    const before = Array.from({ length: 40_000 }, (_, i) => (i % 3 ? '' : `a${i}`)).join('\n');
    const after = Array.from({ length: 40_000 }, (_, i) => (i % 3 ? '' : `b${i}`)).join('\n');
    const { result, ms } = timed(() => compareTexts(before, after));
    expect(result.tooLarge).toBe('changes');
    expect(ms).toBeLessThan(2000);
  });

  it('refuses a version longer than the editor accepts without reading it', () => {
    const long = 'x'.repeat(comparisonLimits.maxCharacters + 1);
    expect(compareTexts(long, 'x')).toEqual({ lines: null, tooLarge: 'size' });
    expect(compareTexts('x', long)).toEqual({ lines: null, tooLarge: 'size' });
  });

  it('finds a shortest set of changes that turns one text into the other, on random texts', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let round = 0; round < 300; round++) {
      const a = Array.from({ length: random(12) }, () => 'abcd'[random(4)]);
      const b = Array.from({ length: random(12) }, () => 'abcd'[random(4)]);
      const lines = diffLines(a.join('\n'), b.join('\n'));
      const [oldLines, newLines] = [a.length ? a : [''], b.length ? b : ['']];
      expect(lines.filter((l) => l.change !== 'added').map((l) => l.text)).toEqual(oldLines);
      expect(lines.filter((l) => l.change !== 'removed').map((l) => l.text)).toEqual(newLines);
      expect(lines.filter((l) => l.change === 'same')).toHaveLength(commonLines(oldLines, newLines));
    }
  });
});

describe('policy text in Markdown, rendered safely', () => {
  it('uses GOV.UK typography with headings below the page’s own h1', () => {
    const html = renderPolicyMarkdown('# Social Media Policy\n\n## 1. Scope\n\nAll staff.\n\n- one\n- two\n');
    expect(html).toContain('<h2 class="govuk-heading-l">Social Media Policy</h2>');
    expect(html).toContain('<h3 class="govuk-heading-m">1. Scope</h3>');
    expect(html).toContain('<p class="govuk-body">All staff.</p>');
    expect(html).toContain('<ul class="govuk-list govuk-list--bullet">');
    expect(renderPolicyMarkdown('- 1. Key roles\n- 2. Definitions\n')).toContain('<ol class="govuk-list govuk-list--number" start="2">');
  });

  it('makes a text’s shallowest headings h2 whatever their #s, and a later text starts afresh', () => {
    const agreement = renderPolicyMarkdown('## What we agree\n\n### At home\n\nText.\n');
    expect(agreement).toContain('<h2 class="govuk-heading-l">What we agree</h2>');
    expect(agreement).toContain('<h3 class="govuk-heading-m">At home</h3>');
    expect(renderPolicyMarkdown('# Policy\n')).toContain('<h2 class="govuk-heading-l">Policy</h2>');
  });

  it('shows HTML written in a policy as text, and keeps only web links', () => {
    const html = renderPolicyMarkdown(
      '<script>alert(1)</script>\n\nHello <img src=x onerror=alert(1)> [bad](javascript:alert(1)) [good](https://example.org) ![photo](https://evil.example/x.png)',
    );
    expect(html).not.toMatch(/<script|<img|javascript:|evil\.example/);
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('<a class="govuk-link" href="https://example.org">good</a>');
    expect(html).toContain('bad');
  });
});

describe('signatures and who must read a policy', () => {
  it('gives each signature line its own name, so two co-headteachers can both sign (001)', () => {
    expect(signatoryTitles(['Chair of Governors', 'Co-Headteacher', 'Co-Headteacher'])).toEqual(['Chair of Governors', 'Co-Headteacher', 'Co-Headteacher (2)']);
    expect(signatoryTitles(['Headteacher', 'Chair of governors'])).toEqual(['Headteacher', 'Chair of governors']);
  });

  it('is approved only when every line is signed', () => {
    const required = [
      { title: 'Headteacher', staffId: 'a', name: 'A' },
      { title: 'Chair of governors', staffId: 'b', name: 'B' },
    ];
    expect(unsignedTitles(required, [{ role_title: 'Headteacher' }]).map((r) => r.title)).toEqual(['Chair of governors']);
    expect(unsignedTitles(required, [{ role_title: 'Headteacher' }, { role_title: 'Chair of governors' }])).toEqual([]);
  });

  it.each([
    ['Ruth Taylor', 'Ruth Taylor', true],
    ['  ruth   TAYLOR ', 'Ruth Taylor', true],
    ['R Taylor', 'Ruth Taylor', false],
    ['', 'Ruth Taylor', false],
  ])('accepts "%s" as the signature of %s: %s', (typed, recorded, expected) => {
    expect(sameName(typed, recorded)).toBe(expected);
  });

  it('asks the people whose roles the policy applies to', () => {
    expect(mustAcknowledge(['teacher'], ['teacher', 'governor'])).toBe(true);
    expect(mustAcknowledge(['office'], ['teacher', 'governor'])).toBe(false);
  });

  it('makes a web address from the title, unique in the school', () => {
    expect(slugFor('Use of Social Media & Networking Policy', new Set())).toBe('use-of-social-media-networking-policy');
    expect(slugFor('Social Media Policy', new Set(['social-media-policy', 'social-media-policy-2']))).toBe('social-media-policy-3');
    expect(slugFor('???', new Set())).toBe('policy');
  });
});
