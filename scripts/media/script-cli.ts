/**
 * npm run media:script [-- --out DIR]: the recording script for a clinic's own voice
 * (recording-script.ts), as recording-script.html and recording-script.csv in DIR
 * (default ./recording-script).
 */
import { resolve } from 'node:path';
import { writeRecordingScript } from './recording-script';

const args = process.argv.slice(2);
const at = args.indexOf('--out');
const repo = resolve(import.meta.dirname, '..', '..');
const out = resolve(at === -1 ? 'recording-script' : (args[at + 1] ?? 'recording-script'));
const { phrases, files } = writeRecordingScript(repo, out);
console.log(`media:script: ${phrases} phrases in ${files.join(' and ')}`);
