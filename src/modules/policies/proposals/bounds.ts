/**
 * How much of a page the engine reads (issue 19), so that no text keeps the policy page, which reads it in its request,
 * waiting: some patterns take time that grows with the square of a line's or a page's length. Every limit is far above
 * what the 469 stored policies reach, and every proposal for them is the same with the limits as without.
 */

/**
 * How much of a page is read for settings: 500,000 characters, the most the policy editor takes (over 150 pages). A
 * longer text (a file imported whole) is read up to there, and the policy page says where reading stopped.
 */
export const longestPage = 500_000;

/** What is read of a page: all of it, or for one longer than `longestPage`, its whole lines up to there. */
export function readPart(page: string): string {
  if (page.length <= longestPage) return page;
  const cut = page.lastIndexOf('\n', longestPage);
  return cut > 0 ? page.slice(0, cut) : page.slice(0, longestPage);
}

/** The last line read, for a page longer than `longestPage`; null for any other. */
export const lastLineRead = (page: string): number | null => (page.length > longestPage ? readPart(page).split('\n').length : null);

/** The longest line read: the longest in the 469 stored policies has 2,177 characters. */
export const longestLine = 4000;

/**
 * The page with each line over `longestLine` characters cut back to the end of its last sentence before there (or to
 * `longestLine` if it has none, leaving one "sentence" too long to read), so that no reading meets a line hundreds of
 * thousands of characters long: some patterns take time that grows with the square of a line's length, and a
 * 500,000-character line of brackets took over a minute. Line numbers are kept.
 */
export function readableLines(page: string): string {
  const lines = page.split('\n');
  if (!lines.some((line) => line.length > longestLine)) return page;
  return lines
    .map((line) => {
      if (line.length <= longestLine) return line;
      const head = line.slice(0, longestLine);
      // (A sentence's end may carry a closing quote or bracket: '." ', '.” ', '.) '.)
      const ends = [...head.matchAll(/[.!?]["'”’)]*\s/g)];
      const last = ends[ends.length - 1];
      return last ? head.slice(0, last.index + last[0].length - 1) : head;
    })
    .join('\n');
}

/**
 * Past this many characters a "sentence" is no sentence a policy writes (the longest in the stored policies has 659), and
 * it is not read: it proposes nothing, and nothing is read from it for the sentences around it.
 */
export const longestSentence = 2000;

/** A list item is given its earlier items' words up to this many characters (a list of thousands would give each all). */
export const longestSiblings = 20_000;

/**
 * A paragraph stops joining lines at this many characters, eight times the longest paragraph of the stored policies
 * (2,463): each test of a paragraph's end reads all of it again, and a page of lines that never end one took 19 s.
 */
export const longestParagraph = 20_000;

/**
 * A stacked table's run of lines is counted this far at most: no stacked table is longer, and counting every run to its
 * end from each of its lines took 49 s for 124,000 lines of "No.".
 */
export const longestStackedRun = 2000;

/**
 * A list's lead looks this many sentences back in its section at most: walking back through the whole of a section from
 * each of its leads took 45 s for 38,000 lines of "Approved by:".
 */
export const sentencesBeforeALead = 200;
