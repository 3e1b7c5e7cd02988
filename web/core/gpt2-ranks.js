// GPT-2's ranks (assets/gpt2-ranks.bin next to the calling script: about 370 KB, 200 KB gzipped),
// fetched on first use, never on first paint. One fetch for the workers and the widgets.

/** The bytes of assets/gpt2-ranks.bin next to `baseUrl`; an Error naming the file on failure. */
export async function fetchGpt2Ranks(baseUrl) {
  const url = new URL('assets/gpt2-ranks.bin', baseUrl);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`could not load GPT-2's vocabulary (${url.pathname}: HTTP ${response.status})`);
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * `ensure(api)`: loads the ranks into a core API (web/core/embplay.js) unless it has them; one
 * fetch at a time, and a failed one is tried again on the next call.
 */
export function gpt2Loader(baseUrl) {
  let loading = null;
  return (api) => {
    if (api.hasGpt2()) return Promise.resolve();
    loading ??= fetchGpt2Ranks(baseUrl).then((bytes) => api.loadGpt2(bytes)).catch((error) => {
      loading = null;
      throw error;
    });
    return loading;
  };
}
