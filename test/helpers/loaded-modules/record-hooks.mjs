/** The hook register.mjs installs: appends each URL Node loads to the file MBSC_LOADED_MODULES names. */
import { appendFileSync } from 'node:fs';

export async function load(url, context, nextLoad) {
  if (process.env.MBSC_LOADED_MODULES) appendFileSync(process.env.MBSC_LOADED_MODULES, `${url}\n`);
  return nextLoad(url, context);
}
