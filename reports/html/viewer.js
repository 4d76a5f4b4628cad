/*
 * The index.html viewer, part 6 of 6: reads the embedded data and draws the page, verdict first, then what a release
 * gate needs in the order it needs it: the charts, failures, advisory findings, errors, the matrix, what could not
 * be checked here, the devices.
 * If anything goes wrong it says so on the page instead of leaving it blank.
 */
/* global document, window */
'use strict';
(function () {
  const DATA_VERSION = 5;
  const V = window.mbscViewer;
  const { h, badge, section } = V;

  function table(head, rows) {
    return h(
      'table',
      { class: 'plain' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          head.map((t) => h('th', { text: t })),
        ),
      ),
      h('tbody', {}, rows),
    );
  }

  /** What this target could not be checked on, and why: requirements not judged, and those passing cells left open. */
  function notChecked(data) {
    const list = data.notJudged;
    const judged = table(
      ['Requirement', 'Level', 'Verdict', 'Reason', 'Statement'],
      list.map((r) =>
        h(
          'tr',
          { 'data-requirement': r.id },
          h('td', {}, h('a', { href: `#req-${r.id}`, text: r.id })),
          h('td', { text: r.level }),
          h('td', {}, badge(r.verdict)),
          h('td', { class: 'reason', text: r.reason }),
          h('td', { class: 'muted', text: r.statement }),
        ),
      ),
    );
    judged.classList.add('not-judged');
    const open = table(
      ['Requirement', 'Why not', 'Columns'],
      data.unchecked.map((u) =>
        h(
          'tr',
          { 'data-requirement': u.id },
          h('td', {}, h('a', { href: `#req-${u.id}`, text: u.id })),
          h('td', { class: 'reason', text: u.reason }),
          h('td', { class: 'muted', text: u.columns.join(', ') }),
        ),
      ),
    );
    open.classList.add('unchecked');
    return section(
      'not-tested',
      'What this target could not be checked on',
      h('h3', { text: `Errored, untested and skipped requirements (${list.length})` }),
      list.length === 0 ? h('p', { class: 'empty', text: 'Every requirement was tested.' }) : judged,
      h('h3', { text: `Not checked in full by cells that passed (${data.unchecked.length})` }),
      data.unchecked.length === 0
        ? h('p', { class: 'empty', text: 'Every cell that passed checked all it covers.' })
        : open,
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
      ['charts', 'Charts'],
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
    const anchors = new Map([
      ...data.findings.flatMap((f) => f.columns.map((c) => [`${f.checkId}\u0000${c.column}`, f.anchor])),
      ...data.errors.flatMap((g) => g.cells.map((c) => [`${c.checkId}\u0000${c.column}`, g.anchor])),
    ]);
    const anchorOf = (checkId, column) => anchors.get(`${checkId}\u0000${column}`);
    const matrix = V.matrixSection(data.matrix, anchorOf, data.seedLinks);
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
      V.chartsSection(data),
      ...V.findingSections(data.findings, data.errors),
      matrix.element,
      notChecked(data),
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
