/** Editions of the desktop program and which features each has (seed 000 §1.1, §2.6.1; seed 001). */
import type { Requirement } from './types.js';

export const EDN_REQUIREMENTS = [
  {
    id: 'EDN-01',
    statement: 'The Pro edition offers both mobile backup and 2FA.',
    level: 'MUST',
    appliesTo: ['server', 'pro'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§1.1' },
  },
  {
    id: 'EDN-02',
    statement: 'The Lite edition offers both mobile backup and 2FA.',
    level: 'MUST',
    appliesTo: ['server', 'lite'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§1.1' },
  },
  {
    id: 'EDN-03',
    statement: 'The Home edition offers mobile backup.',
    level: 'MUST',
    appliesTo: ['server', 'home'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§1.1' },
  },
  {
    id: 'EDN-04',
    statement:
      'The Home edition has no 2FA: it never asks for a second factor and refuses to register a 2FA authenticator.',
    level: 'MUST',
    appliesTo: ['server', 'home'],
    source: { seed: '000_8f6d92a3609944da.txt', section: '§2.6.1' },
    interpretation:
      'DESIGN.md settles that 2FA exists on Pro and Lite only; a Home server answers 2FA registration with an error.',
  },
  {
    id: 'EDN-05',
    statement: 'The Pro and Lite editions offer 2FA from version 4.3.0.0 on.',
    level: 'MUST',
    appliesTo: ['server', 'pro', 'lite'],
    source: { seed: '001_a3861b4dfbe0f786.txt', section: '2FA: Features' },
  },
] as const satisfies readonly Requirement[];
