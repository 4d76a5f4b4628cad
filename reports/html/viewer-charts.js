/*
 * The index.html viewer, part 5 of 6: the run drawn in the file itself, nothing fetched: requirement verdicts by area
 * as stacked bars (CSS widths), and the timeline of the run as inline SVG, one lane per edition, each cell that ran
 * a mark from when it began for as long as it took. report-data.ts computes both; this only draws.
 */
/* global document, window */
'use strict';
(function () {
  const { VERDICTS, h, plural, formatDuration, section } = window.mbscViewer;
  const ORDER = ['fail', 'error', 'advisory', 'pass', 'untested', 'skipped'];
  const SVG = 'http://www.w3.org/2000/svg';

  function areaChart(areas) {
    return h(
      'div',
      { class: 'area-chart', role: 'list', 'aria-label': 'Requirement verdicts by area' },
      areas.map((a) => {
        const parts = ORDER.filter((v) => a.counts[v]).map((v) => [v, a.counts[v]]);
        const says = parts.map(([v, n]) => `${n} ${VERDICTS[v].label}`).join(', ');
        return h(
          'div',
          { class: 'area-row', role: 'listitem', 'data-area': a.area, title: `${a.area}: ${a.title}\n${says}` },
          h('span', { class: 'area-name', text: a.area }),
          h(
            'span',
            { class: 'area-bar', 'aria-label': `${a.area}: ${says}` },
            parts.map(([v, n]) => {
              const seg = h('span', { class: `seg v-${v}`, 'data-verdict': v });
              // Through the CSSOM, which the page's Content-Security-Policy allows (a style attribute it would not).
              seg.style.width = `${(100 * n) / a.total}%`;
              return seg;
            }),
          ),
          h('span', { class: 'area-total muted', text: String(a.total) }),
        );
      }),
    );
  }

  function svg(tag, attributes) {
    const el = document.createElementNS(SVG, tag);
    for (const [key, value] of Object.entries(attributes)) el.setAttribute(key, String(value));
    return el;
  }

  const LANE = 18;

  function timelineChart(timeline) {
    const bars = timeline.lanes.reduce((n, lane) => n + lane.bars.length, 0);
    if (bars === 0) return h('p', { class: 'empty', text: 'No cell of this run says when it began.' });
    const height = timeline.lanes.length * LANE;
    const chart = svg('svg', {
      class: 'timeline',
      viewBox: `0 0 1000 ${height}`,
      preserveAspectRatio: 'none',
      role: 'img',
      'aria-label': `Timeline of the run: ${plural(bars, 'cell')} over ${formatDuration(timeline.durationMs)}`,
    });
    timeline.lanes.forEach((lane, i) => {
      chart.append(svg('rect', { class: 'lane', x: 0, y: i * LANE, width: 1000, height: LANE - 2 }));
      for (const bar of lane.bars) {
        const mark = svg('rect', {
          class: `mark v-${bar.verdict}`,
          'data-verdict': bar.verdict,
          x: (bar.at * 1000).toFixed(2),
          y: i * LANE + 2,
          width: Math.max(1, bar.width * 1000).toFixed(2),
          height: LANE - 6,
        });
        const title = svg('title', {});
        title.textContent = `${bar.checkId} [${bar.column}]: ${bar.verdict}, ${formatDuration(bar.durationMs)}`;
        mark.append(title);
        chart.append(mark);
      }
    });
    return h(
      'div',
      { class: 'timeline-box' },
      h(
        'div',
        { class: 'timeline-lanes' },
        timeline.lanes.map((lane) => h('span', { class: 'lane-name', text: lane.edition })),
      ),
      h(
        'div',
        { class: 'timeline-plot' },
        chart,
        h(
          'div',
          { class: 'timeline-axis muted' },
          h('span', { text: '0 s' }),
          h('span', { text: formatDuration(timeline.durationMs) }),
        ),
      ),
    );
  }

  function chartsSection(data) {
    return section(
      'charts',
      'The run at a glance',
      h('h3', { text: 'Requirement verdicts by area' }),
      areaChart(data.areas),
      h('h3', { text: 'Timeline: each cell that ran, by edition' }),
      timelineChart(data.timeline),
    );
  }

  Object.assign(window.mbscViewer, { chartsSection });
})();
