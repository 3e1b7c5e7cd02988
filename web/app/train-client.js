// Main-thread side of the training worker (web/core/train-worker.js): start, pause, resume,
// cancel, events for the run in progress (older runs' messages are ignored), and
// promise-returning questions about the vectors. The worker starts with the first message (a
// phone reader who never trains never downloads it) and gets the page's compiled WASM module
// (`compiled`: a promise, or a function returning one, called when the worker starts; see
// web/core/page-module.js) before anything else, so it fetches no copy of its own.
export class TrainClient {
  constructor(workerUrl, handlers, { compiled } = {}) {
    this.workerUrl = workerUrl;
    this.compiled = compiled;
    this.handlers = handlers; // { started, progress, projection, done, loadProgress, loaded, paused, resumed, cancelled, failed }
    this.runId = 0;
    this.pending = new Map();
    this.nextQuery = 1;
    this.method = null;
    this.ready = null;
  }

  // Messages go out in order, after the module (or at once when there is none to share).
  post(message, transfer = []) {
    if (!this.ready) this.ready = this.startWorker();
    const worker = this.worker;
    this.ready.then(() => worker.postMessage(message, transfer));
  }

  startWorker() {
    const worker = new Worker(this.workerUrl, { type: 'module' });
    this.worker = worker;
    this.worker.onmessage = (event) => this.receive(event.data);
    this.worker.onerror = (event) => {
      event.preventDefault?.();
      const message = event.message || 'the training worker failed to start';
      // An uncaught trap (e.g. "RuntimeError: unreachable") leaves the module unusable: replace it.
      if (/RuntimeError|bad_alloc|out of memory/i.test(message)) this.restart(message, 'trap');
      else this.handlers.failed?.({ message });
    };
    if (!this.compiled) return Promise.resolve();
    const compiled = typeof this.compiled === 'function' ? this.compiled() : this.compiled; // a function starts it now
    return compiled.then((c) => worker.postMessage({ type: 'module', module: c.module, simd: c.simd }), () => {});
  }

  /**
   * After out-of-memory or a WebAssembly trap (issue 14) the worker's module cannot be trusted:
   * a new worker replaces it, questions still waiting are refused, and the page hears of it once,
   * with { restarted: true, fatal } so it can say so. The page's text is not the worker's to lose.
   */
  restart(message, fatal) {
    this.worker.terminate();
    for (const call of this.pending.values()) call.reject(new Error(message));
    this.pending.clear();
    this.ready = this.startWorker(); // at once, so the next Train finds it ready (it gets the compiled module first)
    if (this.method) this.setMethod(this.method);
    this.handlers.failed?.({ message, fatal, restarted: true });
  }

  receive(message) {
    if (message.type === 'answer') {
      const call = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (!call) return;
      if (message.error !== undefined) call.reject(new Error(message.error));
      else call.resolve(message.result);
      return;
    }
    if (message.type === 'failed' && message.fatal) {
      this.restart(message.message, message.fatal); // whichever run it was: the worker is gone
      return;
    }
    if (message.runId !== this.runId) return;
    this.handlers[message.type]?.(message);
  }

  /** Trains on `text` with `settings`; plot: false sends no projections (nothing draws them). */
  start(text, settings, { plot = true } = {}) {
    this.runId++;
    this.post({ type: 'start', runId: this.runId, text, settings, plot });
  }

  /**
   * Reads a word2vec file in the worker: a File (the worker reads it; the page never holds its
   * bytes) or a Uint8Array (transferred, not copied). Progress arrives as 'loadProgress'.
   */
  load(source) {
    this.runId++;
    if (source instanceof Blob) this.post({ type: 'load', runId: this.runId, file: source });
    else this.post({ type: 'load', runId: this.runId, bytes: source }, [source.buffer]);
  }

  /** The plot's projection: 'pca' or 'tsne' (applies now and to later runs). */
  setMethod(method) {
    this.method = method;
    this.post({ type: 'method', method });
  }

  /** Tests only: makes the worker's module trap for real (see train-worker.js). */
  debugTrap() { this.post({ type: 'debug-trap', runId: this.runId }); }

  pause() { this.post({ type: 'pause' }); }
  resume() { this.post({ type: 'resume' }); }
  cancel() { this.post({ type: 'cancel' }); }

  ask(method, ...args) {
    const id = this.nextQuery++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.post({ type: 'query', id, method, args });
    });
  }
}
