// The word2vec reader in the WASM module under Node, without the page: one-shot parseWord2Vec
// and, when the module has it, the incremental reader in slices (createWord2VecReader), on a
// WORDS × DIM binary file and the same vectors as text (tests/bench/vector_files.mjs).
// Prints one JSON line per file and way of reading, with the best of REPEATS runs; then the cost
// of a neighbours question on the vectors: one-off (scales every row each time) and through a
// WordSpace built once (src/vectors/word_space.h), as the page asks them.
//
//   node tests/bench/word2vec_parse_bench.mjs [WORDS] [DIM] [REPEATS]   (default 100000 300 2; needs build-wasm/)
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadRawModule } from '../node/load_module.mjs';
import { writeVectorFiles } from './vector_files.mjs';

const [words, dim, repeats] = [process.argv[2] ?? 100000, process.argv[3] ?? 300, process.argv[4] ?? 2].map(Number);
const dir = mkdtempSync(join(tmpdir(), 'embplay-parse-bench-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
const mod = await loadRawModule();

function best(fn) {
  let ms = Infinity;
  for (let i = 0; i < repeats; i++) {
    const t0 = performance.now();
    fn().delete();
    ms = Math.min(ms, performance.now() - t0);
  }
  return Math.round(ms);
}

function sliced(bytes, rowsPerSlice) {
  const reader = mod.createWord2VecReader(bytes);
  try {
    while (!reader.read(rowsPerSlice).done);
    return reader.finish();
  } finally {
    reader.delete();
  }
}

for (const file of writeVectorFiles(dir, words, dim)) {
  const bytes = readFileSync(file);
  const format = file.endsWith('.bin') ? 'binary' : 'text';
  console.log(JSON.stringify({ words, dim, format, mb: +(bytes.length / 1048576).toFixed(1), way: 'parseWord2Vec', ms: best(() => mod.parseWord2Vec(bytes)) }));
  if (mod.createWord2VecReader) {
    for (const rows of [1000, 5000]) {
      console.log(JSON.stringify({ words, dim, format, way: `reader, ${rows} rows a slice`, ms: best(() => sliced(bytes, rows)) }));
    }
  }
}

// Questions on the binary file's vectors (median of 5 after one warm-up).
{
  const wv = mod.parseWord2Vec(readFileSync(join(dir, 'vectors.bin')));
  const median = (fn) => {
    fn();
    const times = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      fn();
      times.push(performance.now() - t0);
    }
    return +times.sort((a, b) => a - b)[2].toFixed(1);
  };
  const t0 = performance.now();
  const space = mod.createWordSpace(wv);
  const buildMs = +(performance.now() - t0).toFixed(1);
  console.log(JSON.stringify({ words, dim, question: 'neighbors k=10', oneOffMs: median(() => wv.neighbors('w42', 10)),
    spaceBuildMs: buildMs, spaceMs: median(() => space.neighbors('w42', 10)), spaceEuclideanMs: median(() => space.neighbors('w42', 10, 'euclidean')) }));
  space.delete();
  wv.delete();
}
