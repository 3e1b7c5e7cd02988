// Main-thread side of the core worker: promise-returning calls into web/core/worker.js.
// After out of memory or a WebAssembly trap in the worker (its reply says fatal, see
// worker-faults.js) the worker is replaced by a new one: that call and any still waiting fail
// with the error (error.restarted is true), and the next call runs in the new worker (issue 14).
export class CoreClient {
  /**
   * Starts a worker from `workerUrl`, or adopts `started`, one that web/core/page-module.js's
   * startCoreWorker() already started and sent the page's compiled module (issue 15).
   * `compiled` (Promise<{ module, simd, stem }>) is sent to a worker this client starts, a
   * replacement included, so that it compiles nothing of its own; `compiledFull` (a function
   * returning the same for the full module, when `compiled` is the lite one) is called and its
   * module sent before the first call that needs it (analyzeGpt2).
   */
  constructor(workerUrl, { started, compiled, compiledFull } = {}) {
    this.workerUrl = workerUrl;
    this.compiled = compiled;
    this.compiledFull = compiledFull;
    this.pending = new Map();
    this.nextId = 1;
    this.restarts = 0;
    this.spawn(started);
  }

  spawn(started) {
    this.fullSent = null;
    if (started) {
      this.worker = started.worker;
      this.ready = started.ready;
      this.startupError = started.startupError() ?? null;
    } else {
      const worker = new Worker(this.workerUrl, { type: 'module' });
      this.worker = worker;
      this.startupError = null;
      this.ready = this.compiled
        ? this.compiled.then((c) => worker.postMessage({ type: 'module', ...c }), () => {})
        : Promise.resolve();
    }
    this.worker.onmessage = (event) => {
      const { id, result, error, fatal } = event.data;
      const call = this.pending.get(id);
      this.pending.delete(id);
      if (fatal) {
        const failure = new Error(error);
        this.restart(failure);
        call?.reject(failure);
        return;
      }
      if (!call) return;
      if (error !== undefined) call.reject(new Error(error));
      else call.resolve(result);
    };
    this.worker.onerror = (event) => {
      const error = new Error(event.message || 'the core worker failed to start');
      for (const call of this.pending.values()) call.reject(error);
      this.pending.clear();
    };
  }

  restart(error) {
    error.restarted = true; // the caller can tell "the worker was replaced" from an ordinary refusal
    this.worker.terminate();
    this.restarts++;
    for (const call of this.pending.values()) call.reject(error);
    this.pending.clear();
    this.spawn();
  }

  // Resolves once the worker was sent the full module (or the page could not compile it: the
  // worker then fetches its own).
  fullModuleSent() {
    if (!this.compiledFull) return this.ready;
    const worker = this.worker;
    this.fullSent ??= Promise.all([this.ready, this.compiledFull()])
      .then(([, c]) => worker.postMessage({ type: 'module', ...c }), () => {});
    return this.fullSent;
  }

  call(method, ...args) {
    const id = this.nextId++;
    if (this.startupError) return Promise.reject(new Error(this.startupError));
    const sent = method === 'analyzeGpt2' ? this.fullModuleSent() : this.ready;
    const worker = this.worker;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      sent.then(() => worker.postMessage({ id, method, args }));
    });
  }
}
