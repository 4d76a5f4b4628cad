/** Writes conformance/spec/PROTOCOL.md (`npm run docs:protocol`). */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderProtocolMarkdown } from './protocol-md.js';

const target = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../conformance/spec/PROTOCOL.md');
writeFileSync(target, renderProtocolMarkdown());
console.log(`wrote ${target}`);
