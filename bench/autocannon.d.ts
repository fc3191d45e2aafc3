// The part of autocannon 9's API the HTTP benchmark uses (the package ships no types, and
// @types/autocannon describes version 7).
declare module "autocannon" {
  import type { EventEmitter } from "node:events";

  interface Request {
    method?: string;
    path?: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
  }

  interface Options {
    url: string;
    /** Concurrent connections (default 10). */
    connections?: number;
    /** Seconds (default 10). */
    duration?: number;
    /** Seconds to wait for a response before counting a timeout (default 10). */
    timeout?: number;
    pipelining?: number;
    method?: string;
    headers?: Record<string, string>;
    /** Each connection sends these in turn, over and over. */
    requests?: Request[];
    title?: string;
  }

  /** An hdr-histogram-percentiles-obj summary. */
  interface Histogram {
    min: number;
    max: number;
    average: number;
    mean: number;
    stddev: number;
    total: number;
    p2_5: number;
    p50: number;
    p75: number;
    p90: number;
    p97_5: number;
    p99: number;
    p99_9: number;
    p99_99: number;
    p99_999: number;
  }

  interface Result {
    title?: string;
    url: string;
    /** Per-second samples of completed requests; `total` is every completed request. */
    requests: Histogram & { sent: number };
    /** Milliseconds, of every response recorded. */
    latency: Histogram & { totalCount: number };
    /** Per-second samples of response bytes. */
    throughput: Histogram;
    /** Seconds. */
    duration: number;
    /** Connection errors, timeouts included. */
    errors: number;
    timeouts: number;
    mismatches: number;
    non2xx: number;
    resets: number;
    "1xx": number;
    "2xx": number;
    "3xx": number;
    "4xx": number;
    "5xx": number;
    statusCodeStats: Record<string, { count: number }>;
    start: Date;
    finish: Date;
  }

  /** Emits "start", "tick", "response", "done". */
  interface Instance extends EventEmitter {
    stop(): void;
  }

  function autocannon(options: Options, callback?: (error: Error | null, result: Result) => void): Instance;

  export default autocannon;
  export type { Options, Request, Result, Histogram, Instance };
}
