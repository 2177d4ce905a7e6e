// The public dashboard: everything it shows comes from the ledger's dashboard API.
(function () {
  const money = new Intl.NumberFormat('en', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
  // A tile has room for "$60.7B", not for "$60,712,965,308": the exact sum is its tooltip.
  const compactMoney = new Intl.NumberFormat('en', { style: 'currency', currency: 'USD', notation: 'compact',
    maximumFractionDigits: 1 });
  const count = new Intl.NumberFormat('en');
  const percent = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 0 });
  const words = (code) => code.toLowerCase().replace(/_/g, ' ');

  // The implementation period as the ledger is configured: the page's years are the dashboards' years.
  let period = '';

  async function offerYears() {
    const years = (await get('/api/dashboards')).implementationPeriod;
    period = years.firstYear + '–' + years.lastYear;
    document.querySelectorAll('.implementation-period').forEach((element) => { element.textContent = period; });
    const select = document.getElementById('year');
    for (let year = years.firstYear; year <= years.lastYear; year++) {
      const option = document.createElement('option');
      option.textContent = String(year);
      select.append(option);
    }
  }

  function query() {
    const params = new URLSearchParams();
    const year = document.getElementById('year').value;
    const asOf = document.getElementById('asOf').value;
    if (year) params.set('year', year);
    if (asOf) params.set('asOf', asOf + 'T23:59:59Z');
    const text = params.toString();
    return text ? '?' + text : '';
  }

  async function get(path) {
    const answer = await fetch(path, { headers: { Accept: 'application/json' } });
    if (!answer.ok) {
      let detail = answer.statusText;
      try { detail = (await answer.json()).detail || detail; } catch (ignored) { /* not a problem document */ }
      throw new Error(detail);
    }
    return answer.json();
  }

  function figure(list, label, value, exact) {
    const item = document.createElement('div');
    const term = document.createElement('dt');
    const data = document.createElement('dd');
    term.textContent = label;
    data.textContent = value;
    if (exact) data.title = exact;
    item.append(term, data);
    list.append(item);
  }

  function mix(list, counts) {
    list.replaceChildren();
    const entries = Object.entries(counts || {});
    if (entries.length === 0) {
      const none = document.createElement('li');
      none.textContent = 'none yet';
      list.append(none);
    }
    for (const [key, value] of entries) {
      const item = document.createElement('li');
      item.textContent = words(key) + ': ' + count.format(value);
      list.append(item);
    }
  }

  // Compliance is per reporting cycle: a year's figures carry their cycle, all years the latest one.
  function cycleOf(figures) {
    return figures.cycle || figures.latestCycle || null;
  }

  function share(cycle) {
    return cycle == null || cycle.shareReported == null ? '—' : percent.format(cycle.shareReported);
  }

  async function show() {
    const status = document.getElementById('status');
    status.classList.remove('error');
    status.textContent = 'Loading…';
    try {
      const suffix = query();
      const [global, byInitiative] = await Promise.all([
        get('/api/dashboards/global' + suffix), get('/api/dashboards/initiatives' + suffix)]);
      const initiatives = byInitiative.initiatives;
      const f = global.figures;
      const year = document.getElementById('year').value;
      document.getElementById('global-heading').textContent = 'All initiatives, ' + (year || period);
      const list = document.getElementById('global');
      list.replaceChildren();
      figure(list, 'Commitments', count.format(f.commitments));
      figure(list, 'Pledged', compactMoney.format(f.pledgedUsd), money.format(f.pledgedUsd));
      figure(list, 'Disbursed', compactMoney.format(f.disbursedUsd), money.format(f.disbursedUsd));
      const cycle = cycleOf(f);
      const cycleName = cycle ? cycle.year + ' cycle' : 'no cycle opened yet';
      figure(list, 'Reported, ' + cycleName, share(cycle));
      figure(list, 'Overdue, ' + cycleName, cycle ? count.format(cycle.overdue) : '—');
      figure(list, 'Reported late, ' + cycleName, cycle ? count.format(cycle.late) : '—');
      mix(document.getElementById('by-status'), f.byStatus);
      mix(document.getElementById('progress'), f.progressStatusMix);

      const rows = document.querySelector('#initiatives tbody');
      rows.replaceChildren();
      for (const initiative of initiatives) {
        const g = initiative.figures;
        const row = document.createElement('tr');
        const cells = [initiative.name, count.format(g.commitments), money.format(g.pledgedUsd),
          money.format(g.disbursedUsd), share(cycleOf(g))];
        cells.forEach((text, i) => {
          const cell = document.createElement(i === 0 ? 'th' : 'td');
          if (i === 0) cell.scope = 'row'; else cell.className = 'number';
          cell.textContent = text;
          row.append(cell);
        });
        rows.append(row);
      }
      const shownCycle = initiatives.map((i) => cycleOf(i.figures)).find((c) => c != null);
      document.getElementById('initiatives-cycle').textContent = shownCycle ? ' (' + shownCycle.year + ' cycle)' : '';
      document.getElementById('initiatives-note').textContent = byInitiative.note;
      const rates = global.rates || {};
      document.getElementById('rates').textContent = 'Money in US dollars at the yearly rates of '
        + (rates.source || 'the shipped rate table') + '.';
      status.textContent = (global.asOf ? 'As the ledger recorded it on ' + global.asOf : 'Up to date')
        + (global.recordedUpTo ? ': its entries up to ' + global.recordedUpTo + '.' : ': the ledger is empty.');
    } catch (error) {
      fail(error);
    }
  }

  function fail(error) {
    const status = document.getElementById('status');
    status.classList.add('error');
    status.textContent = 'The dashboard could not be loaded: ' + error.message;
  }

  document.getElementById('filters').addEventListener('submit', (event) => {
    event.preventDefault();
    show();
  });
  offerYears().then(show, fail);
})();
