// Where <cbow-demo> trains: the playground's training worker (web/core/train-worker.js, built
// as dist/train-worker.js next to the widget script; it trains in ~25 ms slices and answers
// 'analogy' questions), so the page's thread never blocks. A page may start a Worker only from
// its own origin, so when the script comes from another origin the worker starts from a
// same-origin blob that imports the real worker by absolute URL (module scripts are
// fetched with CORS: the widget host must send Access-Control-Allow-Origin, as it must for the
// script itself). Where no module worker can start (file:// pages with the single-file script,
// a Content-Security-Policy without blob: workers), the same TrainingRun runs on the page's
// thread in its ~25 ms slices, yielding between them: slower to finish, still responsive.
// Both trainers call the same handlers: started, progress, projection, done, failed.
import { TrainClient } from '../app/train-client.js';
import { TrainingRun } from '../core/training-run.js';
import { sharedCore } from './module.js';

const PROJECTION_MS = 200;
const PLOTTED_WORDS = 500;

/**
 * A URL the page may pass to `new Worker`: `url` itself when same-origin, else a blob importing it.
 * The blob uses import(), not a static import (which Chromium refuses in a blob worker under a
 * Content-Security-Policy even when the policy allows the script's host); messages that arrive
 * before the worker script has set its handler are kept and handed to it; a failed import is
 * thrown again outside the promise, so the page sees the worker's error event.
 */
export function startableWorkerUrl(url, pageOrigin = location.origin) {
  if (url.origin === pageOrigin) return url.href;
  const source = `const early = [];
self.onmessage = (event) => early.push(event);
import(${JSON.stringify(url.href)}).then(
  () => { for (const event of early) self.onmessage(event); },
  (error) => setTimeout(() => { throw error; }));
`;
  return URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
}

/** A trainer for a widget script at `scriptUrl`: a worker where one can start, else the page. */
export function createTrainer(scriptUrl, handlers) {
  const url = new URL('train-worker.js', scriptUrl);
  if (url.protocol === 'file:' || typeof Worker !== 'function') return new PageTrainer(scriptUrl, handlers);
  return new WorkerTrainer(url, scriptUrl, handlers);
}

/** The training worker; if it cannot start at all, the run moves to a PageTrainer. */
class WorkerTrainer {
  constructor(url, scriptUrl, handlers) {
    this.scriptUrl = scriptUrl;
    this.handlers = handlers;
    this.heard = false;
    this.workerUrl = startableWorkerUrl(url);
    const heard = (fn) => (message) => { this.heard = true; fn?.(message); };
    const wrapped = {};
    for (const name of ['started', 'progress', 'projection', 'done']) wrapped[name] = heard(handlers[name]);
    wrapped.failed = (message) => this.failed(message);
    try {
      this.client = new TrainClient(this.workerUrl, wrapped);
    } catch {
      this.fallback = new PageTrainer(scriptUrl, handlers); // e.g. a CSP refusing blob: workers
    }
  }

  /** A 'failed' message comes from a running worker; an error event without one means it never loaded. */
  failed(message) {
    if (message.type === 'failed' || message.restarted || this.heard || this.fallback) {
      this.handlers.failed(message);
      return;
    }
    // The worker never said anything: it could not load. Train on the page instead.
    this.close();
    this.fallback = new PageTrainer(this.scriptUrl, this.handlers);
    if (this.pendingStart) this.fallback.start(...this.pendingStart);
  }

  start(text, settings) {
    if (this.fallback) return this.fallback.start(text, settings);
    this.pendingStart = [text, settings];
    return this.client.start(text, settings);
  }

  ask(method, ...args) {
    return this.fallback ? this.fallback.ask(method, ...args) : this.client.ask(method, ...args);
  }

  get onPage() {
    return !!this.fallback;
  }

  close() {
    this.client?.worker.terminate();
    this.client = null;
    if (this.workerUrl.startsWith('blob:')) URL.revokeObjectURL(this.workerUrl);
    this.fallback?.close();
  }
}

/** TrainingRun on the page's thread, one ~25 ms slice per task. */
class PageTrainer {
  constructor(scriptUrl, handlers) {
    this.scriptUrl = scriptUrl;
    this.handlers = handlers;
    this.generation = 0;
    this.run = null;
  }

  get onPage() {
    return true;
  }

  async start(text, settings) {
    const mine = ++this.generation;
    this.dropRun();
    try {
      const { api } = await sharedCore('full', this.scriptUrl);
      if (mine !== this.generation) return;
      this.run = new TrainingRun(api.module, text, settings);
    } catch (error) {
      this.handlers.failed({ message: error?.message ?? String(error) });
      return;
    }
    const run = this.run;
    this.handlers.started({ info: run.info(), words: run.words, counts: run.counts });
    this.sendProjection();
    this.next(mine);
  }

  next(mine) {
    setTimeout(() => {
      if (mine !== this.generation || !this.run) return;
      try {
        const progress = this.run.step();
        this.handlers.progress({ progress });
        if (progress.finished) {
          this.handlers.done({ progress });
          this.sendProjection();
          return;
        }
        if (performance.now() - this.lastProjection >= PROJECTION_MS) this.sendProjection();
      } catch (error) {
        this.dropRun();
        this.handlers.failed({ message: error?.message ?? String(error) });
        return;
      }
      this.next(mine);
    }, 0);
  }

  sendProjection() {
    this.lastProjection = performance.now();
    this.handlers.projection(this.run.projection(PLOTTED_WORDS));
  }

  async ask(method, ...args) {
    if (!this.run) throw new Error('train first: there are no vectors yet');
    return this.run[method](...args);
  }

  dropRun() {
    this.run?.delete();
    this.run = null;
  }

  close() {
    this.generation++;
    this.dropRun();
  }
}
