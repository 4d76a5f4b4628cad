/**
 * Preloaded with `node --import` by a test: records every module the process loads, one URL a line, in the file
 * MBSC_LOADED_MODULES names. Through Node's synchronous module hooks where the Node has them (they see `require()`
 * too), else its asynchronous ones; and, as the process exits, every CommonJS module in require's cache.
 */
import { appendFileSync } from 'node:fs';
import module, { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const log = process.env.MBSC_LOADED_MODULES;
const record = (url) => {
  if (log) appendFileSync(log, `${url}\n`);
};

if (typeof module.registerHooks === 'function') {
  module.registerHooks({
    load(url, context, nextLoad) {
      record(url);
      return nextLoad(url, context);
    },
  });
} else {
  module.register('./record-hooks.mjs', import.meta.url);
}

process.on('exit', () => {
  for (const file of Object.keys(createRequire(import.meta.url).cache)) record(pathToFileURL(file).href);
});
