// A file's bytes as a sha256, to prove a refused file was left exactly as it was.
import { createHash } from 'node:crypto';
import fs from 'node:fs';

export function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

/** The files in a folder, to prove nothing was added beside a refused file (-wal, -shm, -journal). */
export function listing(dir: string): string[] {
  return fs.readdirSync(dir).sort();
}
