// Draws the dashboard from the embedded data (DashboardPage): tiles, nine charts, the leaderboard table.
// Each chart's element gets data-rendered="true" and data-points (values drawn) once it is drawn.
(function () {
  'use strict';

  var data = JSON.parse(document.getElementById('data').textContent);
  var trends = data.trends;
  var snapshot = data.snapshot;
  var charts = [];
  var COLORS = ['#2f6fb5', '#e07b39', '#3a9d5d', '#c43c5c', '#8e6bbf', '#7a8793', '#d4a72c'];

  // texts of the page's language (DashboardPage); a missing one shows as its key between double question marks
  function t(key) { return Object.prototype.hasOwnProperty.call(data.texts, key) ? data.texts[key] : '??' + key + '??'; }
  function num(v) { return v === null || v === undefined ? null : Number(v); }
  // chart axes and tooltips only: every figure shown as text on the page is formatted exactly in Java
  function money(v) {
    return v === null || v === undefined ? '–'
      : Number(v).toLocaleString(data.lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  }
  function pct(v, digits) {
    return v === null || v === undefined ? '–' : (Number(v) * 100).toFixed(digits === undefined ? 1 : digits) + '%';
  }
  function monthLabel(day) { return data.monthLabels[day] || day.substring(0, 7); }
  function percents(values) { return values.map(function (v) { return v === null ? null : Number(v) * 100; }); }
  function numbers(values) { return values.map(num); }
  function countPoints(series) {
    var n = 0;
    series.forEach(function (s) { s.data.forEach(function (v) { if (v !== null && v !== undefined) { n++; } }); });
    return n;
  }
  function text(tag, content, cls) {
    var el = document.createElement(tag);
    el.textContent = content;
    if (cls) { el.className = cls; }
    return el;
  }

  function draw(id, option) {
    var el = document.getElementById(id);
    var chart = echarts.init(el, null, { renderer: 'svg' });
    option.animation = false;
    option.color = COLORS;
    option.grid = option.grid || { left: 70, right: 20, top: 40, bottom: 40 };
    chart.setOption(option);
    charts.push(chart);
    el.setAttribute('data-points', String(countPoints(option.series)));
    el.setAttribute('data-rendered', 'true');
  }

  // bars start at zero; lines of rates and scores may zoom in on their range (scale)
  function monthly(yName, series, formatter, scale) {
    return {
      tooltip: { trigger: 'axis', valueFormatter: formatter },
      legend: { top: 0 },
      xAxis: { type: 'category', data: trends.months.map(monthLabel) },
      yAxis: { type: 'value', name: yName, scale: scale === true },
      series: series
    };
  }

  function byRegion(measure, percent) {
    var cx = trends.cx;
    var series = cx.regions.map(function (region) {
      var values = cx[measure][region];
      return { name: region, type: 'line', connectNulls: false, data: percent ? percents(values) : numbers(values) };
    });
    return monthly(percent ? '%' : t('axis.score'), series, function (v) {
      return v === null || v === undefined ? '–' : (percent ? v.toFixed(1) + '%' : v.toFixed(2));
    }, true);
  }

  function tiles() {
    var names = ['revenue', 'quota', 'attainment', 'compensation', 'costOfSales', 'repsPaid', 'coachingFlags'];
    var box = document.getElementById('tiles');
    names.forEach(function (name) {
      var tile = snapshot.tiles[name];
      var el = document.createElement('div');
      el.className = 'tile';
      el.id = 'tile-' + name;
      el.setAttribute('data-value', tile.value === null ? '' : tile.value);
      el.appendChild(text('div', t('tile.' + name), 'label'));
      el.appendChild(text('div', tile.text, 'value'));
      box.appendChild(el);
    });
  }

  function leaderboardTable(rows) {
    var body = document.querySelector('#leaderboard tbody');
    document.getElementById('awards-quarter').textContent = snapshot.leaderboard.awardsQuarterText;
    rows.forEach(function (r) {
      var tr = document.createElement('tr');
      tr.setAttribute('data-team', r.team);
      tr.appendChild(text('td', String(r.rank), 'num'));
      tr.appendChild(text('td', r.team));
      tr.appendChild(text('td', r.region === null ? '–' : r.region));
      tr.appendChild(text('td', r.revenueText, 'num'));
      tr.appendChild(text('td', r.quotaText, 'num'));
      tr.appendChild(text('td', r.attainmentText, 'num'));
      tr.appendChild(text('td', r.teamAwards === null ? '–' : r.teamAwardsText + ' ('
        + r.teamAwardNames.map(function (a) { return t('award.' + a); }).join(', ') + ')'));
      tr.appendChild(text('td', r.specialAwards === null ? '–' : r.specialAwardsText + ' (' + r.specialAwardCount + ')'));
      body.appendChild(tr);
    });
  }

  document.getElementById('version').textContent = 'salescomp ' + data.appVersion + '.';
  tiles();

  draw('chart-revenue-quota', monthly(t('series.revenue'), [
    { name: t('series.revenue'), type: 'bar', data: numbers(trends.revenue) },
    { name: t('series.quota'), type: 'line', data: numbers(trends.quota) }
  ], money));

  var bands = snapshot.attainmentBands;
  draw('chart-attainment', {
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: Object.keys(bands).map(function (k) { return k === 'no quota' ? t('band.no-quota') : k; }),
      axisLabel: { interval: 0 } },
    yAxis: { type: 'value', name: t('axis.reps'), minInterval: 1 },
    series: [{ name: t('axis.reps'), type: 'bar', data: Object.keys(bands).map(function (k) { return bands[k]; }),
      label: { show: true, position: 'top' } }]
  });

  var mix = trends.payMix;
  draw('chart-pay-mix', monthly(t('axis.amount'), Object.keys(mix).map(function (group) {
    return { name: t('paymix.' + group), type: 'bar', stack: 'pay', data: numbers(mix[group]) };
  }), money));

  draw('chart-cost-of-sales', monthly('%', [
    { name: t('series.cost-of-sales'), type: 'line', data: percents(trends.costOfSales),
      label: { show: true, formatter: function (p) { return p.value === null ? '' : p.value.toFixed(1) + '%'; } } }
  ], function (v) { return v === null || v === undefined ? '–' : v.toFixed(2) + '%'; }, true));

  draw('chart-csat', byRegion('csat_avg', false));
  draw('chart-complaint-rate', byRegion('complaint_rate', true));
  draw('chart-retention', byRegion('retention_rate', true));

  var coaching = snapshot.coaching;
  draw('chart-coaching', {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    xAxis: { type: 'category', data: coaching.teams, axisLabel: { rotate: 45 } },
    yAxis: { type: 'value', name: t('axis.flags'), minInterval: 1 },
    grid: { left: 50, right: 20, top: 40, bottom: 70 },
    series: Object.keys(coaching.reasons).map(function (reason) {
      return { name: t('coaching.' + reason), type: 'bar', stack: 'flags', data: coaching.reasons[reason] };
    })
  });

  var rows = snapshot.leaderboard.rows;
  var ranked = rows.slice().reverse();
  draw('chart-leaderboard', {
    tooltip: { trigger: 'axis', valueFormatter: function (v) { return v === null || v === undefined ? '–' : v.toFixed(1) + '%'; } },
    xAxis: { type: 'value', name: t('axis.attainment') },
    yAxis: { type: 'category', data: ranked.map(function (r) { return r.team; }) },
    grid: { left: 60, right: 60, top: 20, bottom: 30 },
    series: [{ name: t('series.attainment'), type: 'bar', data: ranked.map(function (r) { return r.attainment === null ? null : Number(r.attainment) * 100; }),
      label: { show: true, position: 'right', formatter: function (p) { return p.value === null ? '' : p.value.toFixed(1) + '%'; } } }]
  });
  leaderboardTable(rows);

  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
  document.documentElement.setAttribute('data-ready', 'true');
})();
