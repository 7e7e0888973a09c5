/**
 * Reads a 20-page policy in a process of its own and prints the CPU time of the best read after the first, in milliseconds,
 * then the settings it proposed: `node --import tsx test/helpers/policy-read-speed.ts [consent-lists]`. In a test worker
 * the process's clock counts every test file running beside it (1.2–1.6 s in CI runs for a read that takes 0.4–0.6 s alone).
 * The first read loads the language model and compiles the patterns, once per process; the reads after it are the
 * reading a school waits for.
 */
import { proposeSettings } from '../../src/modules/policies/proposals/engine.ts';
import { cpuStopwatch } from './cpu.ts';

/** The default page is a policy's prose; `consent-lists` is a page of consent requests and the lists they govern. */
const consentLists = [
  'Use of Photographs',
  '',
  'We need your consent to use photographs of your child.',
  '- on the website',
  '- in the newsletter',
  '',
  'Pictures of pupils appear on Facebook.',
].join('\n');
const prose = [
  '3. Reporting',
  'Any cyber bullying must be reported to the DSL without delay, and the class teacher should be told the same day.',
  'Staff must not use personal devices to photograph pupils, and photographs will not be taken at swimming.',
  'Parents are asked to give permission for photographs on the school website and in the prospectus.',
  'This policy will be reviewed annually by the Governing Body, who approve any change to it in a full meeting.',
  'Pupils are taught about staying safe online in computing lessons and assemblies throughout the year.',
].join('\n\n');
const page = process.argv[2] === 'consent-lists' ? consentLists : prose;
const text = Array.from({ length: 20 * 8 }, () => page).join('\n\n');

const first = proposeSettings(text);
if (first.proposals.length === 0) throw new Error('the 20-page policy proposed nothing');
// The best of three reads, so that a moment when the machine is busy elsewhere is not taken for the reader's speed.
const times = [0, 1, 2].map(() => {
  const elapsed = cpuStopwatch();
  proposeSettings(text);
  return elapsed();
});
// The milliseconds, then (for the test to check what was read) the settings proposed, sorted.
process.stdout.write(`${Math.round(Math.min(...times))}\n${JSON.stringify(first.proposals.map((p) => p.setting).sort())}\n`);
