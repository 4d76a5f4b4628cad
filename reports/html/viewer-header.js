/*
 * The index.html viewer, part 2 of 6: the verdict banner, the facts of the run (target, seed, duration, command, and
 * the smoke subset when the run was one),
 * the totals and the notices a release gate must not miss (reporters that failed, a baseline that can shrink, the
 * kit's warnings about its own work).
 */
/* global window */
'use strict';
(function () {
  const { h, plural, formatDuration, formatTime, commandLine } = window.mbscViewer;

  const OUTCOME = {
    pass: () => 'Every applicable MUST requirement that ran passed.',
    fail: (failing) => `${plural(failing, 'MUST requirement')} failed.`,
    error: () => 'No verdict on the target: see why below.',
  };

  /** The verdict (PASS, FAIL or ERROR) and, in a sentence, why: what failed, what the baseline excused, what never ran. */
  function header(summary, rows) {
    const failing = rows.filter((r) => r.verdict === 'fail' && !r.expectedFailure).length;
    const expected = rows.filter((r) => r.verdict === 'fail' && r.expectedFailure).length;
    const t = summary.totals;
    const parts = [
      OUTCOME[summary.verdict](failing),
      expected > 0 ? `${plural(expected, 'expected failure')}, listed in the baseline.` : '',
      t.advisory > 0 ? `${plural(t.advisory, 'advisory finding')}.` : '',
      t.errored > 0 ? `${t.errored} errored.` : '',
      t.untested > 0 ? `${t.untested} untested.` : '',
      `Checked on this target: ${t.checked ?? t.passed + t.failed + t.advisory} of ${t.applicable} applicable requirements.`,
      'Only MUST failures fail a run; ADVISORY findings never do.',
    ];
    const gate = parts.filter(Boolean).join(' ');
    return h(
      'header',
      { class: `banner v-${summary.verdict}` },
      h('div', {
        id: 'verdict',
        class: 'verdict',
        'data-verdict': summary.verdict,
        text: summary.verdict.toUpperCase(),
      }),
      h(
        'div',
        { class: 'headline' },
        h('h1', { text: 'mbsc conformance report' }),
        h('p', { class: 'target', id: 'target', text: summary.target.description }),
        h('p', { class: 'gate', text: gate }),
        summary.reason && h('p', { class: 'run-reason', id: 'run-reason', text: summary.reason }),
      ),
    );
  }

  function facts(summary) {
    const cells = summary.checks.flatMap((c) => c.cells);
    const runs = cells.reduce((n, cell) => n + cell.runs, 0);
    const rows = [
      ['Target', `${summary.target.kind}: ${summary.target.description}`, 'target'],
      ['Server URL', summary.target.url, 'url'],
      ['Editions', summary.target.editions.join(', '), 'editions'],
      ['Seed', String(summary.seed), 'seed'],
      ['Started', formatTime(summary.startedAt), 'started'],
      ['Duration', formatDuration(summary.durationMs), 'duration'],
      [
        'Checks',
        `${plural(summary.checks.length, 'check')} on ${plural(summary.columns.length, 'column')}: ` +
          `${plural(cells.length, 'result')}, ${plural(runs, 'generated run')}`,
        'checks',
      ],
      ['Selection', summary.smoke && smokeSubset(summary.smoke), 'selection'],
      ['Matrix', inTurn(summary.editionsInTurn), 'matrix'],
      ['Kit', `mbsc ${summary.kitVersion}`, 'kit'],
    ];
    const list = h('dl', { class: 'facts' });
    for (const [term, value, id] of rows) {
      if (value === undefined) continue;
      list.append(h('dt', { text: term }), h('dd', { id: `fact-${id}`, text: value }));
    }
    list.append(
      h('dt', { text: 'Command' }),
      h('dd', { id: 'fact-command' }, commandLine(summary.command, 'the command of this run', 'run-command')),
    );
    return list;
  }

  /** A smoke run says so beside its checks, so that no one takes its report for the full run's. */
  function smokeSubset(smoke) {
    return (
      `smoke subset: ${smoke.cells} of ${plural(smoke.of, 'cell')} of the selection, ` +
      `${plural(smoke.runs, 'sequence')} per property; not the full run`
    );
  }

  /** A run whose device checks took the editions in turn says which cells of the full matrix it planned. */
  function inTurn(turns) {
    if (!turns || turns.cells >= turns.of) return undefined;
    return (
      `editions in turn: ${turns.cells} of ${plural(turns.of, 'cell')} of the full matrix, ` +
      "the device checks' profiles taking the editions in turn (--full-matrix runs them all)"
    );
  }

  /** One tile per total; a tile filters the matrix to its verdict. */
  function totals(summary, onPick) {
    const t = summary.totals;
    const tiles = [
      ['requirements', 'Requirements', t.requirements, ''],
      ['applicable', 'Applicable', t.applicable, ''],
      ['passed', 'Passed', t.passed, 'pass'],
      ['failed', 'Failed', t.failed, 'fail'],
      ['advisory', 'Advisory', t.advisory, 'advisory'],
      ['skipped', 'Skipped', t.skipped, 'skipped'],
      ['untested', 'Untested', t.untested, 'untested'],
      ['errored', 'Errors', t.errored, 'error'],
    ];
    return h(
      'div',
      { class: 'totals' },
      tiles.map(([key, label, n, verdict]) =>
        h(
          'button',
          {
            type: 'button',
            class: `tile${verdict ? ` v-${verdict}` : ''}${n === 0 ? ' zero' : ''}`,
            'data-total': key,
            title: verdict ? `Show requirements with a ${verdict} verdict in the matrix` : 'Show every requirement',
            onclick: () => onPick(verdict),
          },
          h('span', { class: 'count', text: String(n) }),
          h('span', { class: 'label', text: label }),
        ),
      ),
    );
  }

  function notices(summary) {
    const out = [];
    if (summary.reporterErrors.length > 0) {
      out.push(
        h(
          'div',
          { class: 'notice warn', id: 'reporter-errors' },
          h('strong', { text: 'Some reporters failed; the run went on without them.' }),
          h(
            'ul',
            {},
            summary.reporterErrors.map((e) => h('li', {}, h('code', { text: e.reporter }), ` ${e.message}`)),
          ),
        ),
      );
    }
    if (summary.fixedExpectedFailures.length > 0) {
      out.push(
        h(
          'div',
          { class: 'notice info', id: 'fixed-expected-failures' },
          h('strong', { text: 'Listed as expected failures, but passed this time: ' }),
          summary.fixedExpectedFailures.join(', '),
          '. The baseline can drop them.',
        ),
      );
    }
    const warnings = summary.kitWarnings ?? [];
    if (warnings.length > 0) {
      out.push(
        h(
          'div',
          { class: 'notice warn', id: 'kit-warnings' },
          h('strong', { text: 'The kit warns about its own work (never a verdict):' }),
          h(
            'ul',
            {},
            warnings.map((w) => h('li', {}, h('code', { text: `${w.check}, ${w.column}` }), ` ${w.message}`)),
          ),
        ),
      );
    }
    return out;
  }

  Object.assign(window.mbscViewer, { header, facts, totals, notices });
})();
