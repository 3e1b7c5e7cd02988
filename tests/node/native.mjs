// Runs the native CLI (build/embplay) or the WASM CLI (node build-wasm/embplay.js) for the Node tests.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { root } from './load_module.mjs';

/**
 * Runs `embplay ARGS` with `input` on stdin. variant: 'native' | 'wasm'; `env`: extra environment
 * variables. Returns { status, stdout, stderr }.
 */
export function runCli(args, input = '', variant = 'native', env = {}) {
  const [cmd, argv] = variant === 'native'
    ? [join(root, 'build/embplay'), args]
    : [process.execPath, [join(root, 'build-wasm/embplay.js'), ...args]];
  const r = spawnSync(cmd, argv, { input, maxBuffer: 1 << 28, env: { ...process.env, ...env } });
  // EPIPE: the program exited (e.g. on a bad flag) before reading its input; its status and
  // output are still what the test checks.
  if (r.error && !(r.error.code === 'EPIPE' && r.status !== null)) throw r.error;
  return { status: r.status, stdout: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8') };
}

/** Parses JSON-lines output. */
export function jsonLines(stdout) {
  return stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line));
}
