// Main-thread side of the core worker: promise-returning calls into web/core/worker.js.
export class CoreClient {
  /**
   * Starts a worker from `workerUrl`, or adopts `started`, one that web/core/page-module.js's
   * startCoreWorker() already started and sent the page's compiled module (issue 15).
   */
  constructor(workerUrl, { started } = {}) {
    this.worker = started ? started.worker : new Worker(workerUrl, { type: 'module' });
    this.ready = started ? started.ready : Promise.resolve();
    this.startupError = started?.startupError() ?? null;
    this.pending = new Map();
    this.nextId = 1;
    this.worker.onmessage = (event) => {
      const { id, result, error } = event.data;
      const call = this.pending.get(id);
      if (!call) return;
      this.pending.delete(id);
      if (error !== undefined) call.reject(new Error(error));
      else call.resolve(result);
    };
    this.worker.onerror = (event) => {
      const error = new Error(event.message || 'the core worker failed to start');
      for (const call of this.pending.values()) call.reject(error);
      this.pending.clear();
    };
  }

  call(method, ...args) {
    const id = this.nextId++;
    if (this.startupError) return Promise.reject(new Error(this.startupError));
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.ready.then(() => this.worker.postMessage({ id, method, args }));
    });
  }
}
