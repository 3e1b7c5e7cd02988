// Main-thread side of the training worker (web/core/train-worker.js): start, pause, resume,
// cancel, events for the run in progress (older runs' messages are ignored), and
// promise-returning questions about the vectors.
export class TrainClient {
  constructor(workerUrl, handlers) {
    this.worker = new Worker(workerUrl, { type: 'module' });
    this.handlers = handlers; // { started, progress, projection, done, loaded, paused, resumed, cancelled, failed }
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

  /** Reads a word2vec file in the worker (the bytes are transferred, not copied). */
  load(bytes) {
    this.runId++;
    this.worker.postMessage({ type: 'load', runId: this.runId, bytes }, [bytes.buffer]);
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
