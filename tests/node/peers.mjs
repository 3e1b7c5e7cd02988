// The real peers some Node tests compare against (Debian's python3-gensim and fasttext).
// When one is missing, its tests are skipped with the reason — except under tests/run.sh
// (EMBPLAY_REQUIRE_PEERS=1), which installs both: there a missing peer fails the tests
// instead of quietly skipping them.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const python = '/usr/bin/python3';

const required = process.env.EMBPLAY_REQUIRE_PEERS === '1';

// false (run the test) when `available` or required; otherwise the reason to skip.
function skipUnless(available, reason) {
  if (available) return false;
  if (required) return false;
  console.log(`# SKIP ${reason}`);
  return reason;
}

export const hasGensim = existsSync(python) && spawnSync(python, ['-c', 'import gensim']).status === 0;
export const hasFastText = spawnSync('fasttext', [], { stdio: 'ignore' }).error === undefined;
export const gensimSkip = skipUnless(hasGensim, 'python3-gensim is not installed (apt-get install python3-gensim)');
export const fastTextSkip = skipUnless(hasFastText, 'fasttext is not installed (apt-get install fasttext)');
