/*
 * The index.html viewer, part 4 of 6: the traceability matrix, requirements by rows and matrix columns (a device
 * profile on an edition, or an edition) by columns, grouped by area, filterable by area, level, verdict and text.
 * Each cell's title says why (a skip's reason, a failure's first line); a failing, advisory or error cell links to
 * its finding. Cells are drawn as reports/traceability.ts read them for their row's requirement.
 */
/* global window */
'use strict';
(function () {
  const { VERDICTS, h, badge, section } = window.mbscViewer;

  const MEANINGS = {
    pass: 'every check that covers it passed',
    fail: 'a check failed a MUST requirement',
    advisory: 'a best-practice finding; never fails a run',
    skipped: 'does not apply to this target, platform or edition (hover for why)',
    untested: 'applies, but no check covered it (hover for why)',
    error: 'the kit failed or the target could not be reached; no verdict (hover for why)',
  };

  function select(id, label, options) {
    return h(
      'label',
      { class: 'filter' },
      h('span', { text: label }),
      h(
        'select',
        { id },
        options.map(([value, text]) => h('option', { value, text })),
      ),
    );
  }

  function legend() {
    return h(
      'ul',
      { class: 'legend' },
      Object.entries(VERDICTS).map(([verdict, v]) =>
        h(
          'li',
          {},
          h('span', { class: `cell-mark v-${verdict}`, text: v.symbol }),
          ` ${v.label}: ${MEANINGS[verdict]}`,
        ),
      ),
    );
  }

  function cell(row, column, c, anchorOf) {
    const mark = VERDICTS[c.verdict].symbol;
    const title = `${row.id} on ${column}: ${c.verdict}${c.note ? `\n${c.note}` : ''}`;
    const anchor =
      ['fail', 'advisory', 'error'].includes(c.verdict) && c.checks.length > 0 && anchorOf(c.checks[0], column);
    return h(
      'td',
      {
        class: `cell v-${c.verdict}`,
        title,
        'aria-label': title,
        'data-requirement': row.id,
        'data-column': column,
        'data-verdict': c.verdict,
      },
      anchor ? h('a', { href: `#${anchor}`, text: mark }) : mark,
    );
  }

  function requirementRow(row, columns, anchorOf, seedLink) {
    const verdictTitle = row.reason ? `${row.verdict}: ${row.reason}` : row.verdict;
    return h(
      'tr',
      { id: `req-${row.id}`, class: 'req-row', 'data-area': row.area, 'data-level': row.level },
      h('th', { scope: 'row', class: 'req-id', text: row.id }),
      h(
        'td',
        { class: 'statement', title: row.statement },
        row.statement,
        seedLink ? h('a', { class: 'seed-link', href: seedLink.url, text: ` (${seedLink.name})` }) : null,
      ),
      h('td', { class: 'level', text: row.level }),
      h(
        'td',
        { class: 'row-verdict', title: verdictTitle, 'data-verdict': row.verdict },
        badge(row.verdict),
        row.expectedFailure ? h('span', { class: 'muted', text: ' expected' }) : null,
      ),
      row.cells.map((c, i) => cell(row, columns[i], c, anchorOf)),
    );
  }

  /** Returns the section and setVerdict(verdict), which the totals tiles call. */
  function matrixSection(matrix, anchorOf, seedLinks = {}) {
    const { columns, rows, areas } = matrix;
    const width = 4 + columns.length;
    const body = h('tbody');
    const entries = [];
    for (const area of areas) {
      const areaRow = h('tr', { class: 'area-row' }, h('th', { colSpan: width, text: `${area.id}: ${area.title}` }));
      body.append(areaRow);
      for (const row of rows.filter((r) => r.area === area.id)) {
        const tr = requirementRow(row, columns, anchorOf, seedLinks[row.id]);
        body.append(tr);
        entries.push({ row, tr, areaRow });
      }
    }
    const head = h(
      'thead',
      {},
      h(
        'tr',
        {},
        ['Requirement', 'Statement', 'Level', 'Verdict'].map((t) => h('th', { scope: 'col', text: t })),
        columns.map((c) => h('th', { scope: 'col', class: 'col-head', title: c }, h('span', { text: c }))),
      ),
    );
    const filters = h(
      'div',
      { class: 'filters' },
      select('filter-area', 'Area', [['', 'All areas'], ...areas.map((a) => [a.id, `${a.id}: ${a.title}`])]),
      select('filter-level', 'Level', [
        ['', 'All levels'],
        ['MUST', 'MUST'],
        ['ADVISORY', 'ADVISORY'],
      ]),
      select('filter-verdict', 'Verdict', [['', 'Any verdict'], ...Object.keys(VERDICTS).map((v) => [v, `has ${v}`])]),
      h(
        'label',
        { class: 'filter' },
        h('span', { text: 'Search' }),
        h('input', { type: 'search', id: 'filter-text', placeholder: 'id or words' }),
      ),
    );
    const count = h('p', { class: 'filter-count', id: 'matrix-count', 'aria-live': 'polite' });
    const get = (id) => filters.querySelector(`#${id}`);

    function apply() {
      const area = get('filter-area').value;
      const level = get('filter-level').value;
      const verdict = get('filter-verdict').value;
      const text = get('filter-text').value.trim().toLowerCase();
      let shown = 0;
      const areasShown = new Set();
      for (const { row, tr, areaRow } of entries) {
        const visible =
          (!area || row.area === area) &&
          (!level || row.level === level) &&
          (!verdict || row.verdict === verdict || row.cells.some((c) => c.verdict === verdict)) &&
          (!text || `${row.id} ${row.statement}`.toLowerCase().includes(text));
        tr.hidden = !visible;
        if (visible) {
          shown += 1;
          areasShown.add(areaRow);
        }
      }
      for (const { areaRow } of entries) areaRow.hidden = !areasShown.has(areaRow);
      count.textContent = `Showing ${shown} of ${rows.length} requirements.`;
    }
    filters.addEventListener('input', apply);
    filters.addEventListener('change', apply);
    apply();

    const element = section(
      'matrix',
      'Traceability matrix',
      filters,
      legend(),
      count,
      h('div', { class: 'matrix-scroll' }, h('table', { class: 'matrix' }, head, body)),
    );
    function setVerdict(verdict) {
      get('filter-verdict').value = verdict;
      apply();
      element.scrollIntoView({ behavior: 'smooth', block: 'start' });
    }
    return { element, setVerdict };
  }

  Object.assign(window.mbscViewer, { matrixSection });
})();
