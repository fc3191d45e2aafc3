// The server's resident memory, read from /proc (Linux): shared by the benchmarks that report it.
import { readdirSync, readFileSync } from "node:fs";

/** The server process: this process's child running build/server.js with the server's port in its environment. */
export function findServerPid(origin: string): number | null {
  const port = new URL(origin).port;
  let entries: string[];
  try {
    entries = readdirSync("/proc");
  } catch {
    return null;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // After "(comm)": state, then the parent's pid (proc(5)).
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (parent !== process.pid) continue;
      if (!readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0").includes("build/server.js")) continue;
      if (readFileSync(`/proc/${entry}/environ`, "utf8").split("\0").includes(`PORT=${port}`)) return Number(entry);
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return null;
}

/** VmRSS from /proc/<pid>/status, in bytes; null when it cannot be read. */
export function residentBytes(pid: number): number | null {
  try {
    const kibibytes = /^VmRSS:\s+(\d+)\s+kB$/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kibibytes === undefined ? null : Number(kibibytes) * 1024;
  } catch {
    return null;
  }
}

