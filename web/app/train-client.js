// Main-thread side of the training worker (web/core/train-worker.js): start, pause, resume,
// cancel, events for the run in progress (older runs' messages are ignored), and
// promise-returning questions about the vectors. The worker starts with the first message (a
// phone reader who never trains never downloads it) and gets the page's compiled WASM module
// (`compiled`, web/core/page-module.js) before anything else, so it fetches no copy of its own.
export class TrainClient {
  constructor(workerUrl, handlers, { compiled } = {}) {
    this.workerUrl = workerUrl;
    this.compiled = compiled;
    this.handlers = handlers; // { started, progress, projection, done, loadProgress, loaded, paused, resumed, cancelled, failed }
    this.runId = 0;
    this.pending = new Map();
    this.nextQuery = 1;
    this.ready = null;
  }

  // Messages go out in order, after the module (or at once when there is none to share).
  post(message, transfer = []) {
    if (!this.ready) this.ready = this.startWorker();
    this.ready.then(() => this.worker.postMessage(message, transfer));
  }

  startWorker() {
    this.worker = new Worker(this.workerUrl, { type: 'module' });
    this.worker.onmessage = (event) => this.receive(event.data);
    this.worker.onerror = (event) => {
      event.preventDefault?.();
      this.handlers.failed?.({ message: event.message || 'the training worker failed to start' });
    };
    if (!this.compiled) return Promise.resolve();
    return this.compiled.then((c) => this.worker.postMessage({ type: 'module', module: c.module, simd: c.simd }), () => {});
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
    if (message.runId !== this.runId) return;
    this.handlers[message.type]?.(message);
  }

  start(text, settings) {
    this.runId++;
    this.post({ type: 'start', runId: this.runId, text, settings });
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
  setMethod(method) { this.post({ type: 'method', method }); }

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
