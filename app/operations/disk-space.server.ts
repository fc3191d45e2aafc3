// How much room the disk holding the data has left. The SQLite database, its write-ahead log and the PDF
// cache share one disk in the default layout: the cache may only ever use room the database can spare,
// and /healthz says when an operator must make more.
import { statfs } from "node:fs/promises";

export interface DiskSpace {
  freeBytes: number;
  totalBytes: number;
  /** Under the reserve: the cache writes nothing more, and /healthz asks for attention. */
  nearlyFull: boolean;
}

const mebibyte = 1024 * 1024;
/** What is kept free for the database (sessions, sign-in attempts, decisions): a tenth of the disk, at most 128 MiB. */
export function reserveBytes(totalBytes: number): number {
  return Math.min(128 * mebibyte, Math.floor(totalBytes / 10));
}

/** The free space of the filesystem that holds `directory` (or its nearest existing parent), null if unknown. */
export async function diskSpace(directory: string): Promise<DiskSpace | null> {
  try {
    const stats = await statfs(directory).catch(() => statfs(process.cwd()));
    const freeBytes = stats.bavail * stats.bsize;
    const totalBytes = stats.blocks * stats.bsize;
    return { freeBytes, totalBytes, nearlyFull: freeBytes < reserveBytes(totalBytes) };
  } catch {
    return null;
  }
}

/** Whether `bytes` more can be written into `directory` and still leave the reserve free. */
export async function roomFor(directory: string, bytes: number): Promise<boolean> {
  const space = await diskSpace(directory);
  // Unknown (a filesystem without statfs): the write itself will tell.
  if (!space) return true;
  return space.freeBytes - bytes >= reserveBytes(space.totalBytes);
}
