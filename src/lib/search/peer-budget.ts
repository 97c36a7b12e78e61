/**
 * What one query may cost one site (src/search/engine.ts makes one budget per peer per query):
 * requests, bytes received, bytes after gunzip, requests in flight and time, all counted
 * here, where every file of a search bundle is fetched. Over a bound the budget trips: the
 * peer's pending requests are aborted (one AbortController per budget) and every later one
 * fails at once, so a hostile peer costs at most its bounds and its time, and never the
 * other peers' time.
 *
 * Time is the peer's own: the clock runs only while a request to it is in flight (waiting
 * for it or reading its body), so a healthy peer is never charged for the time the engine
 * spends waiting for another one.
 */
import type { PeerProblem } from './federation.ts';
import { PeerError, type Limits } from './validate.ts';

export interface Fetched {
  ok: boolean;
  status: number;
  /** the body, inflated when it was gzipped (empty when not ok) */
  bytes: Uint8Array;
}

const isGzip = (b: Uint8Array) => b[0] === 0x1f && b[1] === 0x8b;
/** compressed bytes fed to gunzip at a time: at most ~1 MB of output each (deflate's limit
 * is ~1:1032) */
const INFLATE_SLICE = 1024;

export class PeerBudget {
  readonly limits: Limits;
  /** ms of in-flight time the peer may use in this query (0: no limit) */
  readonly timeout: number;
  /** why it tripped (then every request fails) */
  problem: PeerProblem | undefined;
  requests = 0;
  bytes = 0;
  inflated = 0;
  private readonly ctl = new AbortController();
  private active = 0;
  private used = 0;
  private since = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly waiting: (() => void)[] = [];

  constructor(limits: Limits, timeout = 0) {
    this.limits = limits;
    this.timeout = timeout;
  }

  get signal(): AbortSignal {
    return this.ctl.signal;
  }

  /** Stops this peer's work for the rest of the query; the first reason is kept. */
  trip(problem: PeerProblem, message: string): PeerError {
    if (!this.problem) {
      this.problem = problem;
      this.ctl.abort(new PeerError(problem, message));
      clearTimeout(this.timer);
      this.waiting.splice(0).forEach((go) => go());
    }
    return this.ctl.signal.reason as PeerError;
  }

  private ensureOpen(): void {
    if (this.problem) throw this.ctl.signal.reason;
  }

  /** One file of the bundle, within the bounds. */
  fetch(url: string): Promise<Fetched> {
    return this.slot(async () => {
      if (++this.requests > this.limits.requests) throw this.trip('limit', `more than ${this.limits.requests} requests`);
      const r = await fetch(url, { signal: this.signal });
      if (!r.ok) {
        r.body?.cancel().catch(() => {});
        return { ok: false, status: r.status, bytes: new Uint8Array(0) };
      }
      const declared = Number(r.headers.get('content-length') ?? 0);
      if (declared > this.limits.fileBytes) {
        r.body?.cancel().catch(() => {});
        throw this.trip('limit', `${url}: ${declared} bytes`);
      }
      const raw = await this.drain(r.body, this.limits.fileBytes, 'bytes', url);
      return { ok: true, status: r.status, bytes: isGzip(raw) ? await this.inflate(raw, url) : raw };
    });
  }

  /** Runs `work` when fewer than `parallel` requests are in flight; the clock runs meanwhile. */
  private async slot<T>(work: () => Promise<T>): Promise<T> {
    while (this.active >= this.limits.parallel && !this.problem) await new Promise<void>((go) => this.waiting.push(go));
    this.ensureOpen();
    if (this.active++ === 0) this.startClock();
    try {
      return await work();
    } finally {
      if (--this.active === 0) this.stopClock();
      this.waiting.shift()?.();
    }
  }

  private startClock(): void {
    this.since = Date.now();
    if (!this.timeout) return;
    const left = this.timeout - this.used;
    this.timer = setTimeout(() => this.trip('timeout', `no answer within ${this.timeout} ms`), Math.max(0, left));
  }

  private stopClock(): void {
    clearTimeout(this.timer);
    this.used += Date.now() - this.since;
  }

  /** gunzip, streamed: stops (and trips) as soon as the output passes the bounds. The input
   * goes in by small slices, pulled as the output is read: a browser inflates all of one input
   * chunk at once (a 256 KB bomb fed whole is 256 MB before the first read). */
  private async inflate(raw: Uint8Array, url: string): Promise<Uint8Array> {
    let at = 0;
    const stream = new ReadableStream<Uint8Array>(
      {
        pull(c) {
          if (at >= raw.length) return c.close();
          c.enqueue(raw.subarray(at, (at += INFLATE_SLICE)));
        },
      },
      { highWaterMark: 0 },
    ).pipeThrough(new DecompressionStream('gzip') as unknown as ReadableWritablePair<Uint8Array, Uint8Array>);
    try {
      return await this.drain(stream, this.limits.fileInflated, 'inflated', url);
    } catch (e) {
      if (e instanceof PeerError) throw e;
      throw new PeerError('broken', `${url}: not gzip (${(e as Error)?.message})`);
    }
  }

  /** A body read chunk by chunk, counted against one file's `cap` and the query's total. */
  private async drain(body: ReadableStream<Uint8Array> | null, cap: number, kind: 'bytes' | 'inflated', url: string): Promise<Uint8Array> {
    if (!body) return new Uint8Array(0);
    const reader = body.getReader();
    const parts: Uint8Array[] = [];
    let n = 0;
    try {
      for (;;) {
        this.ensureOpen();
        const { done, value } = await reader.read();
        if (done) break;
        n += value.byteLength;
        this[kind] += value.byteLength;
        if (n > cap || this[kind] > this.limits[kind]) throw this.trip('limit', `${url}: more than ${n > cap ? cap : this.limits[kind]} bytes (${kind})`);
        parts.push(value);
      }
    } catch (e) {
      reader.cancel(e).catch(() => {});
      throw e;
    }
    if (parts.length === 1) return parts[0]!;
    const out = new Uint8Array(n);
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.byteLength;
    }
    return out;
  }
}
