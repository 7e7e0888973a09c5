import { strToU8, unzipSync, zipSync } from 'fflate';
import { rosterFileName } from './oneroster.csv.ts';

/** A real package is a handful of CSVs of a few MB; anything far bigger is a mistake or a zip bomb. */
export const zipLimits = { maxEntries: 50, maxUnpackedBytes: 200 * 1024 * 1024 } as const;

const notAZip = 'This upload is not a valid .zip file. Export the OneRoster CSV files again and upload the .zip as it is.';

function looksLikeZip(zip: Uint8Array): boolean {
  // "PK\3\4" starts a zip with entries, "PK\5\6" an empty one; the end record alone is 22 bytes.
  return zip.length >= 22 && zip[0] === 0x50 && zip[1] === 0x4b && (zip[2] === 3 || zip[2] === 5);
}

/**
 * Unpacks the roster CSVs (users.csv, classes.csv…) from a zip, keyed by their path inside it. Other entries are
 * not inflated. Sizes are checked from the zip's directory before anything is inflated, and fflate inflates each
 * entry into a buffer of its declared size, so a lying header cannot make it use more memory than the limit.
 */
export function unzipRoster(zip: Uint8Array): { ok: true; files: Map<string, Uint8Array> } | { ok: false; problems: string[] } {
  if (!looksLikeZip(zip)) return { ok: false, problems: [notAZip] };

  let entries = 0;
  let unpackedBytes = 0;
  const unreadable: string[] = [];
  try {
    // First pass: read the directory only (the filter refuses every entry, so nothing is inflated).
    unzipSync(zip, {
      filter: (entry) => {
        entries++;
        unpackedBytes += entry.originalSize;
        if (rosterFileName(entry.name) && entry.compression !== 0 && entry.compression !== 8) unreadable.push(entry.name);
        return false;
      },
    });
  } catch {
    return { ok: false, problems: [notAZip] };
  }
  const problems: string[] = [];
  if (entries > zipLimits.maxEntries) {
    problems.push(`The .zip holds ${entries} files; a OneRoster package has at most ${zipLimits.maxEntries}. Check you chose the right file.`);
  }
  if (unpackedBytes > zipLimits.maxUnpackedBytes) {
    const mb = Math.ceil(unpackedBytes / 1024 / 1024);
    problems.push(`The .zip would unpack to ${mb} MB; the most this app accepts is ${zipLimits.maxUnpackedBytes / 1024 / 1024} MB.`);
  }
  for (const name of unreadable)
    problems.push(`${name} in the .zip is compressed in a way this app cannot read. Zip the files again with standard compression.`);
  if (problems.length > 0) return { ok: false, problems };

  let unpacked: Record<string, Uint8Array>;
  try {
    unpacked = unzipSync(zip, { filter: (entry) => rosterFileName(entry.name) !== null });
  } catch {
    return { ok: false, problems: [notAZip] };
  }
  return { ok: true, files: new Map(Object.entries(unpacked)) };
}

/** Builds a .zip from file name → content, e.g. `export/users.csv`; for tests and for building uploads. */
export function zipRosterFiles(files: Map<string, string | Uint8Array>): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (const [name, content] of files) entries[name] = typeof content === 'string' ? strToU8(content) : content;
  return zipSync(entries);
}
