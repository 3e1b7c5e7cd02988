// Large word-vector files for the import benchmarks (vector_import_bench.mjs, word2vec_parse_bench.mjs):
// WORDS × DIM seeded values in (-1, 1) rounded to five decimals, written as a word2vec binary file
// and as text with five decimals (like GloVe's files), so both hold the same floats.
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';

function* rows(words, dim) {
  let seed = 12345;
  const row = new Float32Array(dim);
  for (let r = 0; r < words; r++) {
    for (let k = 0; k < dim; k++) {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      row[k] = Math.round((seed / 1073741824 - 1) * 1e5) / 1e5;
    }
    yield [`w${r}`, row];
  }
}

/** Writes DIR/vectors.bin and DIR/vectors.txt; returns their paths. */
export function writeVectorFiles(dir, words, dim) {
  const bin = join(dir, 'vectors.bin');
  const txt = join(dir, 'vectors.txt');
  const fb = openSync(bin, 'w');
  const ft = openSync(txt, 'w');
  const header = `${words} ${dim}\n`;
  writeSync(fb, header);
  writeSync(ft, header);
  let bparts = []; let tparts = []; let pending = 0;
  const flush = () => {
    writeSync(fb, Buffer.concat(bparts));
    writeSync(ft, tparts.join(''));
    bparts = []; tparts = []; pending = 0;
  };
  for (const [word, row] of rows(words, dim)) {
    bparts.push(Buffer.from(`${word} `), Buffer.from(row.buffer.slice(0)), Buffer.from('\n'));
    tparts.push(`${word} ${Array.from(row, (v) => v.toFixed(5)).join(' ')}\n`);
    if (++pending === 1000) flush();
  }
  flush();
  closeSync(fb);
  closeSync(ft);
  return [bin, txt];
}
