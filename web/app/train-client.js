// Main-thread side of the training worker (web/core/train-worker.js): start, pause, resume,
// cancel, events for the run in progress (older runs' messages are ignored), and
// promise-returning questions about the vectors.
export class TrainClient {
  constructor(workerUrl, handlers) {
    this.worker = new Worker(workerUrl, { type: 'module' });
    this.handlers = handlers; // { started, progress, projection, done, loadProgress, loaded, paused, resumed, cancelled, failed }
    this.runId = 0;
    this.pending = new Map();
    this.nextQuery = 1;
    this.worker.onmessage = (event) => this.receive(event.data);
    this.worker.onerror = (event) => {
      event.preventDefault?.();
      this.handlers.failed?.({ message: event.message || 'the training worker failed to start' });
    };
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
    this.worker.postMessage({ type: 'start', runId: this.runId, text, settings });
  }

  /**
   * Reads a word2vec file in the worker: a File (the worker reads it; the page never holds its
   * bytes) or a Uint8Array (transferred, not copied). Progress arrives as 'loadProgress'.
   */
  load(source) {
    this.runId++;
    if (source instanceof Blob) this.worker.postMessage({ type: 'load', runId: this.runId, file: source });
    else this.worker.postMessage({ type: 'load', runId: this.runId, bytes: source }, [source.buffer]);
  }

  /** The plot's projection: 'pca' or 'tsne' (applies now and to later runs). */
  setMethod(method) { this.worker.postMessage({ type: 'method', method }); }

  pause() { this.worker.postMessage({ type: 'pause' }); }
  resume() { this.worker.postMessage({ type: 'resume' }); }
  cancel() { this.worker.postMessage({ type: 'cancel' }); }

  ask(method, ...args) {
    const id = this.nextQuery++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ type: 'query', id, method, args });
    });
  }
}
