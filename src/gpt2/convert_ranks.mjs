#!/usr/bin/env node
// Converts GPT-2's r50k_base merge ranks, as shipped by the npm package js-tiktoken (MIT;
// the vocabulary is OpenAI's GPT-2 release, Modified MIT License), into the compact asset
// that src/gpt2/gpt2_ranks.h reads:
//
//   "EMBPRNK1", u32 token_count, u32 special_count, u8 length[token_count],
//   special_count x (u32 id, u8 length), token bytes concatenated in rank order, specials' bytes
//
// Usage: node src/gpt2/convert_ranks.mjs --node-modules DIR --out FILE
//   DIR: a node_modules folder holding js-tiktoken (the build uses web/node_modules)
// The output is checked against the pinned SHA-256 below, so a changed package cannot
// silently change the ids.
import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

const GPT2_PATTERN = "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)|\\s+";
const EXPECTED_SHA256 = process.env.EMBPLAY_GPT2_RANKS_SHA256 ?? '2d597eca3e3920f89a402263eaff46978bdc9e8af3497b4d5eedaf3141e5d41c';

function fail(message) {
  console.error(`convert_ranks: ${message}`);
  process.exit(1);
}

function parseArgs(argv) {
  const args = {};
  for (let i = 0; i < argv.length; i += 2) {
    if (!['--node-modules', '--out'].includes(argv[i]) || argv[i + 1] === undefined) {
      fail('usage: node convert_ranks.mjs --node-modules DIR --out FILE');
    }
    args[argv[i].slice(2)] = argv[i + 1];
  }
  if (!args['node-modules'] || !args.out) fail('usage: node convert_ranks.mjs --node-modules DIR --out FILE');
  return args;
}

function loadRanks(nodeModules) {
  const require = createRequire(join(resolve(nodeModules), '..', 'package.json'));
  try {
    return require('js-tiktoken/ranks/r50k_base');
  } catch (e) {
    fail(`cannot load js-tiktoken/ranks/r50k_base from ${nodeModules} (run web/install-deps.sh): ${e.message}`);
  }
}

// js-tiktoken's format: lines "NAME OFFSET tok tok ...", each token base64, ranks OFFSET, OFFSET+1, ...
function decodeTokens(bpeRanks) {
  const tokens = [];
  for (const line of bpeRanks.split('\n').filter(Boolean)) {
    const [, offsetText, ...encoded] = line.split(' ');
    const offset = Number.parseInt(offsetText, 10);
    encoded.forEach((b64, i) => { tokens[offset + i] = Buffer.from(b64, 'base64'); });
  }
  for (let r = 0; r < tokens.length; r++) {
    if (!tokens[r]) fail(`rank ${r} is missing`);
    if (tokens[r].length < 1 || tokens[r].length > 255) fail(`rank ${r} has ${tokens[r].length} bytes (1..255 allowed)`);
  }
  return tokens;
}

function checkVocabulary(data, tokens) {
  if (data.pat_str !== GPT2_PATTERN) fail(`unexpected pre-tokenisation pattern ${JSON.stringify(data.pat_str)}`);
  const specials = Object.entries(data.special_tokens);
  if (data.explicit_n_vocab !== tokens.length + specials.length) {
    fail(`expected ${data.explicit_n_vocab} tokens, found ${tokens.length} + ${specials.length} special`);
  }
  const seen = new Set(tokens.map((t) => t.toString('latin1')));
  if (seen.size !== tokens.length) fail('repeated token bytes');
  for (let b = 0; b < 256; b++) if (!seen.has(String.fromCharCode(b))) fail(`byte ${b} has no token`);
  return specials.map(([text, id]) => [id, Buffer.from(text, 'utf8')]);
}

function u32(value) {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(value);
  return b;
}

function serialize(tokens, specials) {
  return Buffer.concat([
    Buffer.from('EMBPRNK1', 'latin1'),
    u32(tokens.length),
    u32(specials.length),
    Buffer.from(tokens.map((t) => t.length)),
    ...specials.map(([id, bytes]) => Buffer.concat([u32(id), Buffer.from([bytes.length])])),
    ...tokens,
    ...specials.map(([, bytes]) => bytes),
  ]);
}

const args = parseArgs(process.argv.slice(2));
const data = loadRanks(args['node-modules']);
const tokens = decodeTokens(data.bpe_ranks);
const specials = checkVocabulary(data, tokens);
const asset = serialize(tokens, specials);
const sha256 = createHash('sha256').update(asset).digest('hex');
if (sha256 !== EXPECTED_SHA256) fail(`asset SHA-256 ${sha256} differs from the pinned ${EXPECTED_SHA256}`);
mkdirSync(dirname(resolve(args.out)), { recursive: true });
const temporary = `${args.out}.tmp-${process.pid}`;
writeFileSync(temporary, asset);
renameSync(temporary, args.out);
console.log(`convert_ranks: ${args.out}: ${tokens.length} ranks + ${specials.length} special, ${asset.length} bytes`);
