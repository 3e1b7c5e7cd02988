// The embplay CLI, native and WASM: --help everywhere, one-line errors with exit status 2.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from './native.mjs';

const VARIANTS = ['native', 'wasm'];
const firstLine = (s) => s.split('\n')[0];

for (const variant of VARIANTS) {
  test(`${variant}: --help works for the tool and each command`, () => {
    const top = runCli(['--help'], '', variant);
    assert.equal(top.status, 0);
    const commands = [...top.stdout.matchAll(/^ {2}([a-z0-9-]+) /gm)].map((m) => m[1]);
    assert.ok(commands.includes('tokenize') && commands.includes('embed'), top.stdout);
    for (const c of commands) {
      const r = runCli([c, '--help'], '', variant);
      assert.equal(r.status, 0, `${c} --help: ${firstLine(r.stderr)}`);
      assert.match(r.stdout, new RegExp(`usage: embplay ${c}`));
    }
  });

  test(`${variant}: bad flags and input exit 2 with one line`, () => {
    const cases = [
      [['nonsense'], /^embplay: unknown command 'nonsense'/],
      [['tokenize', '--mode', 'wordpiece'], /^embplay tokenize: unknown tokenizer mode 'wordpiece' \(valid modes: word, char, bpe, gpt2\)$/],
      [['tokenize', '--merges', '-1', '--mode', 'bpe'], /^embplay tokenize: --merges must be between 0 and 100000, got -1$/],
      [['tokenize', '--merges', '99999999999'], /^embplay tokenize: --merges must be between 0 and 100000/],
      [['tokenize', '--merges', 'many'], /^embplay tokenize: --merges must be an integer, got 'many'$/],
      [['tokenize', '--frobnicate'], /^embplay tokenize: unknown option '--frobnicate'/],
      [['tokenize', '--input', '/nonexistent/file.txt'], /^embplay tokenize: cannot open input file '\/nonexistent\/file.txt'$/],
      [['tokenize', '--input'], /^embplay tokenize: option --input needs a value$/],
      [['embed', '--d-model', '0'], /^embplay embed: --d-model must be between 1 and 4096, got 0$/],
      [['embed', '--d-model', '100000'], /^embplay embed: --d-model must be between 1 and 4096, got 100000$/],
    ];
    for (const [args, pattern] of cases) {
      const r = runCli(args, 'some text', variant);
      assert.equal(r.status, 2, `${args.join(' ')}: status ${r.status}`);
      assert.match(r.stderr.trim(), pattern, args.join(' '));
      assert.equal(r.stderr.trim().split('\n').length, 1, `${args.join(' ')}: one line, got ${r.stderr}`);
      assert.equal(r.stdout, '', `${args.join(' ')}: nothing on stdout`);
    }
  });

  test(`${variant}: empty input and merges 0 are fine`, () => {
    const empty = runCli(['tokenize'], '', variant);
    assert.equal(empty.status, 0);
    assert.equal(empty.stdout, '');
    const zero = runCli(['tokenize', '--mode', 'bpe', '--merges', '0'], 'ab ab', variant);
    assert.equal(zero.status, 0);
    assert.deepEqual(zero.stdout.trim().split('\n').map((l) => JSON.parse(l).text), ['a', '##b', 'a', '##b']);
    const invalid = runCli(['tokenize'], Buffer.from([0x61, 0xff, 0x62]), variant);
    assert.equal(invalid.status, 0);
    assert.match(invalid.stderr, /1 invalid UTF-8 sequence\(s\) read as U\+FFFD/);
  });
}
