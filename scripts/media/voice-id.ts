/**
 * A phrase's id: the first 12 hex digits of the SHA-1 of its exact text. It names the
 * phrase's files (a reworded cue gets new ones, an unchanged one keeps its name and URL)
 * and the recording a clinic makes of it.
 */
import { createHash } from 'node:crypto';

export const voiceFileBase = (text: string): string => createHash('sha1').update(text, 'utf8').digest('hex').slice(0, 12);
