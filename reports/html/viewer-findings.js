/*
 * The index.html viewer, part 3 of 5: the findings. Each failing or advisory result gets a card with its message,
 * counterexample or shrunk command list, seed, replay path and the exact command that replays it, with a Copy button.
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

  function card(finding, index) {
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
        id: `finding-${index}`,
        'data-check': finding.checkId,
        'data-column': finding.column,
      },
      h(
        'header',
        { class: 'finding-head' },
        badge(kind, label),
        requirementLinks(finding.requirementIds),
        h('span', { class: 'finding-title', text: finding.title }),
        h('span', { class: 'column', title: 'Matrix column', text: finding.column }),
      ),
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
      h(
        'dl',
        { class: 'finding-facts' },
        facts.map(([term, value]) => [h('dt', { text: term }), h('dd', { text: value })]),
      ),
      h(
        'div',
        { class: 'replay' },
        h('span', { class: 'replay-label', text: 'Replay' }),
        commandLine(f.replayCommand, 'the replay command', 'replay-command'),
      ),
    );
  }

  /** The Failures and Advisory findings sections; findings keep their index so matrix cells can link to them. */
  function findingSections(findings) {
    const indexed = findings.map((finding, index) => ({ finding, index }));
    const failures = indexed
      .filter(({ finding }) => finding.verdict === 'fail')
      .sort((a, b) => Number(a.finding.expected) - Number(b.finding.expected));
    const advisories = indexed.filter(({ finding }) => finding.verdict === 'advisory');
    const failed = failures.filter(({ finding }) => !finding.expected).length;
    const expected = failures.length - failed;
    return [
      section(
        'failures',
        `Failures (${failed})${expected > 0 ? ` and expected failures (${expected})` : ''}`,
        failures.length === 0
          ? h('p', { class: 'empty', text: 'No check failed.' })
          : failures.map(({ finding, index }) => card(finding, index)),
      ),
      section(
        'advisories',
        `Advisory findings (${advisories.length})`,
        h('p', {
          class: 'muted',
          text: 'Best practice beyond the seeds (RFC 6238, RFC 4226, NIST SP 800-63B): reported, never failing a run.',
        }),
        advisories.length === 0
          ? h('p', { class: 'empty', text: 'No advisory findings.' })
          : advisories.map(({ finding, index }) => card(finding, index)),
      ),
    ];
  }

  Object.assign(window.mbscViewer, { findingSections });
})();
