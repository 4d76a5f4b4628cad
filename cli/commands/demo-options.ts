/** The options `mbsc demo` takes: read by its help without loading its action (demo-action.ts). */

export const DEMO_OPTIONS = {
  data: {
    type: 'string',
    description: 'Data directory to keep (default: a temporary one, removed after)',
    placeholder: 'DIR',
  },
  photos: { type: 'string', description: 'Number of generated photos', placeholder: 'N', default: '12' },
  videos: { type: 'string', description: 'Number of generated videos', placeholder: 'N', default: '2' },
} as const;
