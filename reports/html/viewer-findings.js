/*
 * The index.html viewer, part 3 of 6: the findings, in three sections: failures (a MUST broken), advisory findings
 * (never failing a run) and errors (the kit failed or the target could not be reached). Each failing or advisory
 * finding gets one card, listing the columns it was seen on, with its message, the screen it failed on (a check
 * through the screens), counterexample or shrunk command list, the HTTP exchanges of its failing
 * attempt, seed, replay path and the exact command that replays it, with a Copy button; errors come one card per
 * reason (report-data.ts groups them).
 */
/* global window */
'use strict';
(function () {
  const { h, badge, plural, formatDuration, commandLine, section } = window.mbscViewer;

  function requirementLinks(ids) {
    if (ids.length === 0) return h('span', { class: 'req-ids muted', text: 'no catalogued id' });
    const links = ids.flatMap((id, i) => [i > 0 ? ', ' : null, h('a', { href: `#req-${id}`, text: id })]);
    return h('span', { class: 'req-ids' }, links);
  }

  function replay(failure) {
    return h(
      'div',
      { class: 'replay' },
      h('span', { class: 'replay-label', text: 'Replay' }),
      commandLine(failure.replayCommand, 'the replay command', 'replay-command'),
    );
  }

  /** The columns a finding was seen on; a column's own seed and replay command when they differ from the first's. */
  function columnsList(finding) {
    const first = finding.columns[0];
    return h(
      'details',
      { class: 'finding-columns', open: finding.columns.length <= 6 },
      h('summary', { text: `Seen on ${plural(finding.columns.length, 'column')}` }),
      h(
        'ul',
        {},
        finding.columns.map((c) =>
          h(
            'li',
            { 'data-column': c.column },
            h('code', { text: c.column }),
            c.replayCommand !== first.replayCommand && [
              ' ',
              commandLine(c.replayCommand, 'its replay command', 'replay-command'),
            ],
          ),
        ),
      ),
    );
  }

  /** The screen a check through the screens failed on: its screenshot, embedded, and its page source. */
  function screen(failure) {
    const s = failure.screen;
    if (!s) return null;
    return h(
      'div',
      { class: 'failure-screen' },
      h('h4', { text: 'The screen it failed on' }),
      s.screenshot !== undefined &&
        h('img', {
          class: 'screenshot',
          src: `data:image/png;base64,${s.screenshot}`,
          alt: 'Screenshot of the app when the check failed',
        }),
      s.pageSource !== undefined &&
        h('details', { class: 'page-source' }, h('summary', { text: 'Page source' }), h('pre', { text: s.pageSource })),
    );
  }

  function card(finding) {
    const f = finding.failure;
    const kind = finding.verdict;
    const label = finding.expected ? 'EXPECTED FAILURE' : kind.toUpperCase();
    const facts = [
      ['Check', finding.checkId],
      ['Seed', f.seed === undefined ? undefined : String(f.seed)],
      ['Path', f.path],
      ['Runs', `${plural(finding.runs, 'run')} in ${formatDuration(finding.durationMs)}`],
    ].filter(([, value]) => value !== undefined);
    return h(
      'article',
      {
        class: `finding v-${kind}${finding.expected ? ' expected' : ''}`,
        id: finding.anchor,
        'data-check': finding.checkId,
        'data-column': finding.column,
        'data-columns': String(finding.columns.length),
      },
      h(
        'header',
        { class: 'finding-head' },
        badge(kind, label),
        requirementLinks(finding.requirementIds),
        h('span', { class: 'finding-title', text: finding.title }),
        h('span', {
          class: 'column',
          title: 'Matrix column',
          text:
            finding.columns.length > 1 ? `${finding.column} and ${finding.columns.length - 1} more` : finding.column,
        }),
      ),
      finding.columns.length > 1 && columnsList(finding),
      finding.expected &&
        h('p', {
          class: 'muted',
          text: 'The expected-failures baseline lists this failure: it does not fail the run.',
        }),
      h('pre', { class: 'message', text: f.message }),
      f.counterexample !== undefined && [
        h('h4', { text: 'Counterexample' }),
        h('pre', { class: 'counterexample', text: f.counterexample }),
      ],
      f.commands !== undefined &&
        f.commands.length > 0 && [
          h('h4', { text: `Shrunk command list (${f.commands.length})` }),
          h(
            'ol',
            { class: 'commands' },
            f.commands.map((c) => h('li', {}, h('code', { text: c }))),
          ),
        ],
      screen(f),
      finding.exchangesText !== undefined &&
        h(
          'details',
          { class: 'exchanges', open: true },
          h('summary', { text: `HTTP exchanges (${f.exchanges ? f.exchanges.length : 0})` }),
          h('pre', { class: 'exchanges-text', text: finding.exchangesText }),
        ),
      h(
        'dl',
        { class: 'finding-facts' },
        facts.map(([term, value]) => [h('dt', { text: term }), h('dd', { text: value })]),
      ),
      replay(f),
    );
  }

  /** One card per reason: the cells that share it, and the first one's details (a kit error's stack). */
  function errorCard(group) {
    const where = group.cells.map((c) => `${c.checkId} [${c.column}]`);
    return h(
      'article',
      { class: 'finding v-error', id: group.anchor, 'data-cells': String(group.cells.length) },
      h(
        'header',
        { class: 'finding-head' },
        badge('error', 'ERROR'),
        h('span', { class: 'finding-title', text: `${plural(group.cells.length, 'result')} without a verdict` }),
      ),
      h('pre', { class: 'message', text: group.failure.message }),
      h(
        'details',
        { class: 'error-cells' },
        h('summary', { text: `Checks and columns (${group.cells.length})` }),
        h(
          'ul',
          {},
          where.map((w) => h('li', {}, h('code', { text: w }))),
        ),
      ),
      replay(group.failure),
    );
  }

  /** The Failures, Advisory findings and Errors sections; each card's id is the anchor matrix cells link to. */
  function findingSections(findings, errors) {
    const failures = findings
      .filter((finding) => finding.verdict === 'fail')
      .sort((a, b) => Number(a.expected) - Number(b.expected));
    const advisories = findings.filter((finding) => finding.verdict === 'advisory');
    const failed = failures.filter((finding) => !finding.expected).length;
    const expected = failures.length - failed;
    return [
      section(
        'failures',
        `Failures (${failed})${expected > 0 ? ` and expected failures (${expected})` : ''}`,
        failures.length === 0 ? h('p', { class: 'empty', text: 'No check failed.' }) : failures.map(card),
      ),
      section(
        'advisories',
        `Advisory findings (${advisories.length})`,
        h('p', {
          class: 'muted',
          text: 'Best practice beyond the seeds (RFC 6238, RFC 4226, NIST SP 800-63B): reported, never failing a run.',
        }),
        advisories.length === 0 ? h('p', { class: 'empty', text: 'No advisory findings.' }) : advisories.map(card),
      ),
      section(
        'errors',
        `Errors (${errors.reduce((n, g) => n + g.cells.length, 0)})`,
        h('p', {
          class: 'muted',
          text: 'The kit failed, or the target could not be reached: no verdict on the target either way.',
        }),
        errors.length === 0 ? h('p', { class: 'empty', text: 'No errors.' }) : errors.map(errorCard),
      ),
    ];
  }

  Object.assign(window.mbscViewer, { findingSections });
})();
