// The Web Worker that trains word vectors (web/core/training-run.js) so the page never
// blocks. It trains in ~25 ms slices and yields between them, so pause, resume, cancel and
// questions arrive while it runs. Messages in:
//   { type: 'start', runId, text, settings, plot } | { type: 'load', runId, file | bytes } (a word2vec file: a File or its bytes)
//     (plot: false sends no projections: the side-by-side comparison has no plot)
//     (settings.tokenizer 'gpt2': GPT-2's ranks are fetched once, from assets/ next to this script)
//   | { type: 'pause' } | { type: 'resume' } | { type: 'cancel' } | { type: 'method', method: 'pca'|'pca3'|'tsne' }
//   { type: 'query', id, method: 'neighbors'|'analogy'|'direction'|'projection'|'exportFile'|'lookup'|'wordPieces'|'similarities', args }
// Messages out (all with runId): 'started' (info, words, counts), 'progress', 'projection'
// (PCA, 2-D or with method 'pca3' 3-D, about every 200 ms and at the end; t-SNE every few iterations once vectors are final), 'done', 'loadProgress' (fraction, rows, totalRows), 'loaded' (info, seconds), 'paused',
// 'cancelled', 'failed' (message; fatal: 'memory' | 'trap' when the module can no longer be trusted:
// out of memory or a WebAssembly trap; the page then replaces this worker, see train-client.js),
// and { type: 'answer', id, result | error } for queries.
// A test-only message, { type: 'debug-trap' }, makes the module trap for real (worker-faults.js),
// so the browser tests can check the recovery.
import { createModule } from './embplay.js';
import { fetchGpt2Ranks } from './gpt2-ranks.js';
import { factoryFor, importModuleFactory } from './load.js';
import { LoadedVectors } from './loaded-vectors.js';
import { TrainingRun } from './training-run.js';
import { TsneRun } from './tsne-run.js';
import { VectorFileReader } from './vector-file-reader.js';
import { fatalKind, trapModule } from './worker-faults.js';

const PROJECTION_MS = 200;
const PLOTTED_WORDS = 500;

// The module sits next to this script: import.meta.url, not self.location, which is a blob: URL
// when a page on another origin starts this worker through a one-line blob (web/embed/cbow-trainer.js).
// A first message { type: 'module', module, simd } brings the module the page already compiled
// (web/core/page-module.js, issue 15); any other first message makes the worker fetch its own.
const loader = importModuleFactory(import.meta.url); // imported at once, while the module arrives
loader.catch(() => {}); // reported by the first run
let modulePromise = null;
async function loadModule(compiled) {
  return createModule(await factoryFor(import.meta.url, loader, compiled), { module: compiled?.module });
}

let run = null;
let runId = 0;
let generation = 0; // bumped by every start and cancel, so a start still loading the module can tell it is stale
let state = 'idle'; // idle | running | paused | done
let lastProjection = 0;
let method = 'pca'; // the plot's projection: 'pca' or 'pca3' (2-D or 3-D, live during training) or 'tsne' (once vectors are final)
let tsneRun = null; // the TsneRun (web/core/tsne-run.js) while t-SNE iterations remain
let plotting = true; // false for a run started with plot: false (no projections)

// Yields to the event loop without setTimeout's 4 ms clamp.
const channel = new MessageChannel();
channel.port1.onmessage = () => loop();
const schedule = () => channel.port2.postMessage(null);

function post(type, body = {}) {
  self.postMessage({ type, runId, ...body });
}

// After out of memory or a trap (worker-faults.js) this worker answers nothing more: the page replaces it.
let broken = false;

/** Reports a failure; `extra` e.g. { keepVectors: true } for a failure that leaves the vectors usable. */
function fail(error, extra = {}) {
  const message = error?.message ?? String(error);
  const fatal = fatalKind(error);
  if (fatal) {
    broken = true;
    post('failed', { message, fatal });
    return;
  }
  post('failed', { message, ...extra });
}

function stop() {
  stopTsne();
  stopFile();
  run?.delete();
  run = null;
  state = 'idle';
}

function stopTsne() {
  tsneRun?.stop();
  tsneRun = null;
}

function sendProjection() {
  lastProjection = performance.now();
  if (!plotting) return;
  const k = method === 'pca3' ? 3 : 2;
  post('projection', { ...run.projection(PLOTTED_WORDS, k), method: k === 3 ? 'pca3' : 'pca' });
}

// t-SNE of the plotted words (van der Maaten & Hinton 2008, src/vectors/tsne.h), animated: a few
// iterations per slice, a frame after each (web/core/tsne-run.js). Only on final vectors (after
// training or a load).
async function startTsne() {
  stopTsne();
  const module = await modulePromise;
  stopTsne(); // a second start while the module loaded
  if (!run || state !== 'done') return;
  const rows = Math.min(PLOTTED_WORDS, run.words.length);
  try {
    tsneRun = new TsneRun(module, run.rowRange(0, rows), rows, run.dim, {
      perplexity: 30, seed: 1, onFrame: (frame) => post('projection', { ...frame, method: 'tsne' }),
    });
  } catch (error) {
    fail(error, { keepVectors: true });
    return;
  }
  tsneRun.done.catch((error) => {
    if (error.message !== 'cancelled') fail(error, { keepVectors: true });
  });
}

function setMethod(next) {
  method = next === 'tsne' || next === 'pca3' ? next : 'pca';
  if (!run) return;
  if (method === 'tsne') startTsne();
  else {
    stopTsne();
    if (state === 'done' || state === 'paused') sendProjection();
  }
}

function loop() {
  if (state !== 'running' || !run) return;
  try {
    const progress = run.step();
    post('progress', { progress });
    if (progress.finished) {
      state = 'done';
      post('done', { progress });
      sendProjection();
      if (method === 'tsne') startTsne();
      return;
    }
    if (performance.now() - lastProjection >= PROJECTION_MS) sendProjection();
  } catch (error) {
    if (!fatalKind(error)) stop(); // after a trap, even delete() may fail: the page replaces the worker
    fail(error);
    return;
  }
  schedule();
}

// GPT-2's ranks (about 370 KB) for training on GPT-2 tokens, fetched on first use like worker.js does.
let gpt2Ranks = null;
function loadGpt2Ranks() {
  gpt2Ranks ??= fetchGpt2Ranks(import.meta.url).catch((error) => {
    gpt2Ranks = null;
    throw error;
  });
  return gpt2Ranks;
}

async function start({ text, settings, plot }) {
  stop();
  plotting = plot !== false;
  const mine = ++generation;
  const module = await modulePromise;
  const ranks = settings.tokenizer === 'gpt2' ? await loadGpt2Ranks() : undefined;
  if (mine !== generation) return; // a newer start or a cancel arrived while the module (or the ranks) loaded
  try {
    run = new TrainingRun(module, text, ranks ? { ...settings, gpt2Ranks: ranks } : settings);
  } catch (error) {
    fail(error);
    return;
  }
  post('started', { info: run.info(), words: run.words, counts: run.counts });
  sendProjection();
  state = 'running';
  schedule();
}

// Reads a word2vec file (a File from the page, or its bytes) in ~25 ms slices, posting
// 'loadProgress' { fraction, rows, totalRows } after each, so a cancel gets through; then
// the same views as a trained run.
let fileJob = null; // { id, reader, module, started } while a file is being read
const fileChannel = new MessageChannel();
fileChannel.port1.onmessage = (event) => fileLoop(event.data); // the job's id: a stale slice of a replaced job does nothing

async function load({ file, bytes }) {
  stop();
  plotting = true;
  const mine = ++generation;
  const started = performance.now();
  const module = await modulePromise;
  if (mine !== generation) return;
  const data = file ? new Uint8Array(await file.arrayBuffer()) : bytes;
  if (mine !== generation) return; // cancelled while the browser read the file
  try {
    fileJob = { id: mine, reader: new VectorFileReader(module, data), module, started };
  } catch (error) {
    fail(error);
    return;
  }
  fileChannel.port2.postMessage(mine);
}

function stopFile() {
  fileJob?.reader.delete();
  fileJob = null;
}

function fileLoop(id) {
  const job = fileJob;
  if (!job || job.id !== id) return;
  try {
    const p = job.reader.step();
    post('loadProgress', { fraction: p.fraction, rows: p.rows, totalRows: p.totalRows });
    if (!p.done) {
      fileChannel.port2.postMessage(id);
      return;
    }
    const vectors = job.reader.finish();
    stopFile();
    run = new LoadedVectors(job.module, vectors);
  } catch (error) {
    if (!fatalKind(error)) stop();
    fail(error);
    return;
  }
  state = 'done';
  post('started', { info: run.info(), words: run.words.slice(0, PLOTTED_WORDS), counts: null });
  sendProjection();
  post('loaded', { info: run.info(), seconds: (performance.now() - job.started) / 1000 });
  if (method === 'tsne') startTsne();
}

function answer({ id, method, args }) {
  try {
    if (!run) throw new Error('train first: there are no vectors yet');
    if (!['neighbors', 'analogy', 'direction', 'projection', 'exportFile', 'lookup', 'wordPieces', 'similarities'].includes(method)) throw new Error(`unknown question '${method}'`);
    self.postMessage({ type: 'answer', id, result: run[method](...args) });
  } catch (error) {
    self.postMessage({ type: 'answer', id, error: error?.message ?? String(error) });
    if (fatalKind(error)) fail(error);
  }
}

self.onmessage = (event) => {
  const message = event.data;
  if (broken) return;
  if (message.type === 'module') {
    modulePromise ??= loadModule(message);
    return;
  }
  modulePromise ??= loadModule(null);
  switch (message.type) {
    case 'start':
      runId = message.runId;
      start(message).catch(fail);
      break;
    case 'load':
      runId = message.runId;
      load(message).catch(fail);
      break;
    case 'method':
      setMethod(message.method);
      break;
    case 'pause':
      if (state === 'running') { state = 'paused'; post('paused'); }
      break;
    case 'resume':
      if (state === 'paused') { state = 'running'; post('resumed'); schedule(); }
      break;
    case 'cancel':
      generation++;
      stop();
      post('cancelled');
      break;
    case 'query':
      answer(message);
      break;
    case 'debug-trap': // tests only (see the header): a real trap inside the module
      runId = message.runId ?? runId;
      modulePromise.then(trapModule).catch(fail);
      break;
    default:
      break;
  }
};
