// Main-thread side of the core worker: promise-returning calls into web/core/worker.js.
export class CoreClient {
  constructor(workerUrl) {
    this.worker = new Worker(workerUrl, { type: 'module' });
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
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, method, args });
    });
  }
}
