// Writes a synthetic safetensors file with the real size and layout of GPT-2's model.safetensors
// on the Hugging Face hub (124M parameters in F32, 548 MB): the same tensor names and shapes
// (h.0 .. h.11 blocks with their causal-mask buffers attn.bias [1, 1, 1024, 1024], ln_f, wpe,
// wte), tensors in name order. wte and wpe hold seeded values (an LCG, so runs are comparable);
// every other tensor is zeros, left as a hole in a sparse file so writing takes seconds.
// For benchmarks only: written to /tmp at bench time, never committed.
import { closeSync, ftruncateSync, openSync, writeSync } from 'node:fs';

const N_CTX = 1024;
const VOCAB = 50257;

/** GPT-2 small's tensors (names and shapes); `D` and `layers` can shrink it for tests. */
export function gpt2Tensors({ D = 768, layers = 12 } = {}) {
  const t = [];
  for (let i = 0; i < layers; i++) {
    const p = `h.${i}.`;
    t.push([`${p}attn.bias`, [1, 1, N_CTX, N_CTX]], [`${p}attn.c_attn.bias`, [3 * D]], [`${p}attn.c_attn.weight`, [D, 3 * D]],
      [`${p}attn.c_proj.bias`, [D]], [`${p}attn.c_proj.weight`, [D, D]], [`${p}ln_1.bias`, [D]], [`${p}ln_1.weight`, [D]],
      [`${p}ln_2.bias`, [D]], [`${p}ln_2.weight`, [D]], [`${p}mlp.c_fc.bias`, [4 * D]], [`${p}mlp.c_fc.weight`, [D, 4 * D]],
      [`${p}mlp.c_proj.bias`, [D]], [`${p}mlp.c_proj.weight`, [4 * D, D]]);
  }
  t.push(['ln_f.bias', [D]], ['ln_f.weight', [D]], ['wpe.weight', [N_CTX, D]], ['wte.weight', [VOCAB, D]]);
  return t.sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

function seededRows(count, seed) {
  const out = new Float32Array(count);
  let s = seed >>> 0;
  for (let i = 0; i < count; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = (s / 4294967296 - 0.5) * 0.2;
  }
  return out;
}

/**
 * Writes the file at `path`; returns { size, header: {name: {dtype, shape, data_offsets}} }.
 * Options: D and layers (default GPT-2 small's 768 and 12), values (false: all zeros, sparse).
 */
export function writeGpt2Safetensors(path, { D = 768, layers = 12, values = true } = {}) {
  const header = { __metadata__: { format: 'pt' } };
  let offset = 0;
  for (const [name, shape] of gpt2Tensors({ D, layers })) {
    const bytes = shape.reduce((a, b) => a * b, 1) * 4;
    header[name] = { dtype: 'F32', shape, data_offsets: [offset, offset + bytes] };
    offset += bytes;
  }
  let text = JSON.stringify(header);
  text += ' '.repeat((8 - (text.length % 8)) % 8);
  const prefix = Buffer.alloc(8);
  prefix.writeBigUInt64LE(BigInt(text.length));
  const dataStart = 8 + text.length;
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, prefix, 0, 8, 0);
    writeSync(fd, Buffer.from(text), 0, text.length, 8);
    for (const [name, seed] of values ? [['wpe.weight', 2], ['wte.weight', 1]] : []) {
      const [begin, end] = header[name].data_offsets;
      const values = seededRows((end - begin) / 4, seed);
      writeSync(fd, new Uint8Array(values.buffer), 0, end - begin, dataStart + begin);
    }
    ftruncateSync(fd, dataStart + offset);
  } finally {
    closeSync(fd);
  }
  return { size: dataStart + offset, header };
}
