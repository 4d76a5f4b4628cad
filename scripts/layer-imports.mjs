// ESLint plugin with one rule, mbsc/layer-imports: a file may import, of our own code, only the folders its layer
// allows (DESIGN.md, "Layout": dependencies point one way). It resolves every relative import to the file it names,
// because the import text alone does not say where it lands: from conformance/spec, `../kit/check.js` never spells
// "conformance", so no pattern over the text could tell that it leaves the spec. eslint.config.js says, folder by
// folder, which folders each layer may import.
import path from 'node:path';

/** The repository root; this file lives in scripts/, one level below it. */
const ROOT = path.resolve(import.meta.dirname, '..');

/** Repository-relative path with forward slashes; dist/ holds the compiled sources, so it counts as the sources. */
function repoPath(file) {
  const rel = path.relative(ROOT, file).split(path.sep).join('/');
  return rel.startsWith('dist/') ? rel.slice('dist/'.length) : rel;
}

/** The layer a repository path belongs to: its top folder, or conformance/<part> since conformance has five. */
function layerOf(rel) {
  const [top, part] = rel.split('/');
  return top === 'conformance' && part !== undefined ? `conformance/${part}` : top;
}

const within = (rel, folder) => rel === folder || rel.startsWith(`${folder}/`);

const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Keeps imports pointing one way between the layers of DESIGN.md.' },
    schema: [
      {
        type: 'object',
        properties: {
          may: { type: 'array', items: { type: 'string' } },
          why: { type: 'string' },
        },
        required: ['may'],
        additionalProperties: false,
      },
    ],
    messages: {
      outside:
        '{{from}} may not import {{to}} ({{source}}); it may import only {{may}}.{{why}} ' +
        'Dependencies point one way: see DESIGN.md, "Layout".',
    },
  },
  create(context) {
    const { may, why } = context.options[0];
    const from = layerOf(repoPath(context.filename));
    const check = (literal) => {
      const source = literal?.value;
      // Packages (bare names) and node: built-ins are not ours; only relative paths can reach another layer.
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = repoPath(path.resolve(path.dirname(context.filename), source));
      if (target.startsWith('../') || within(target, 'node_modules')) return;
      if (may.some((folder) => within(target, folder))) return;
      context.report({
        node: literal,
        messageId: 'outside',
        data: { from, to: layerOf(target), source, may: may.join(', '), why: why ? ` ${why}` : '' },
      });
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
      // Type positions count too: `typeof import('…')` and `import x = require('…')` tie the layers as firmly.
      TSImportType: (node) => check(node.source),
      TSExternalModuleReference: (node) => check(node.expression),
    };
  },
};

export default { meta: { name: 'mbsc' }, rules: { 'layer-imports': rule } };
