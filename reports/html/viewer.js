/*
 * The index.html viewer, part 5 of 5: reads the embedded data and draws the page, verdict first, then what a release
 * gate needs in the order it needs it: failures, advisory findings, errors, the matrix, what was not tested, the
 * devices.
 * If anything goes wrong it says so on the page instead of leaving it blank.
 */
/* global document, window */
'use strict';
(function () {
  const DATA_VERSION = 3;
  const V = window.mbscViewer;
  const { h, badge, section } = V;

  function notTested(rows) {
    const list = rows.filter((r) => ['error', 'untested', 'skipped'].includes(r.verdict));
    const table = h(
      'table',
      { class: 'plain' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ['Requirement', 'Level', 'Verdict', 'Reason', 'Statement'].map((t) => h('th', { text: t })),
        ),
      ),
      h(
        'tbody',
        {},
        list.map((r) =>
          h(
            'tr',
            { 'data-requirement': r.id },
            h('td', {}, h('a', { href: `#req-${r.id}`, text: r.id })),
            h('td', { text: r.level }),
            h('td', {}, badge(r.verdict)),
            h('td', { class: 'reason', text: r.reason || 'no reason recorded' }),
            h('td', { class: 'muted', text: r.statement }),
          ),
        ),
      ),
    );
    return section(
      'not-tested',
      `Errored, untested and skipped requirements (${list.length})`,
      list.length === 0 ? h('p', { class: 'empty', text: 'Every requirement was tested.' }) : table,
    );
  }

  function devices(summary) {
    const table = h(
      'table',
      { class: 'plain' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ['Profile', 'Platform', 'OS version', 'Verdict'].map((t) => h('th', { text: t })),
        ),
      ),
      h(
        'tbody',
        {},
        summary.devices.map((d) =>
          h(
            'tr',
            {},
            h('td', { text: d.profile }),
            h('td', { text: d.platform }),
            h('td', { text: d.osVersion }),
            h('td', {}, badge(d.verdict)),
          ),
        ),
      ),
    );
    return section(
      'devices',
      `Devices (${summary.devices.length})`,
      summary.devices.length === 0 ? h('p', { class: 'empty', text: 'No device profiles in this run.' }) : table,
    );
  }

  function nav(data) {
    const links = [
      ['failures', 'Failures'],
      ['advisories', 'Advisory findings'],
      ['errors', 'Errors'],
      ['matrix', 'Matrix'],
      ['not-tested', 'Not tested'],
      ['devices', 'Devices'],
    ];
    return h(
      'nav',
      { class: 'toc' },
      links.map(([id, text]) => h('a', { href: `#${id}`, text })),
      h('span', { class: 'muted', text: `Report written ${V.formatTime(data.generatedAt)}` }),
    );
  }

  function render(app, data) {
    const { summary } = data;
    const anchors = new Map(data.findings.map((f) => [`${f.checkId}\u0000${f.column}`, f.anchor]));
    const anchorOf = (checkId, column) => anchors.get(`${checkId}\u0000${column}`);
    const matrix = V.matrixSection(data.matrix, anchorOf);
    app.replaceChildren(
      V.header(summary, data.matrix.rows),
      nav(data),
      h(
        'div',
        { class: 'overview panel' },
        V.facts(summary),
        V.totals(summary, (verdict) => matrix.setVerdict(verdict)),
      ),
      ...V.notices(summary),
      ...V.findingSections(data.findings, data.errors),
      matrix.element,
      notTested(data.matrix.rows),
      devices(summary),
      h(
        'footer',
        {},
        `mbsc ${summary.kitVersion}. The same results, machine-readable: summary.json, junit.xml and allure-results/ beside this file.`,
      ),
    );
  }

  const app = document.getElementById('app');
  try {
    const data = JSON.parse(document.getElementById('report-data').textContent);
    if (data.version !== DATA_VERSION) {
      throw new Error(`the report data is version ${data.version}; this viewer reads version ${DATA_VERSION}`);
    }
    render(app, data);
    document.documentElement.setAttribute('data-ready', 'true');
  } catch (error) {
    app.replaceChildren(
      h(
        'div',
        { class: 'notice warn', id: 'viewer-error' },
        `The report could not be drawn: ${error && error.message}`,
      ),
    );
    document.documentElement.setAttribute('data-ready', 'error');
  }
})();
