'use strict';

// The meters and health details the dashboard reads, in one place. The names are looked up in what
// /actuator/metrics lists, so a renamed meter shows as "not available" instead of breaking the page.
const METERS = {
  transaction: 'smtp.client.transaction',
  // the timer's published percentiles, read from the Prometheus scrape, where they are the quantile label
  prometheusTransaction: 'smtp_client_transaction_seconds',
  percentiles: ['0.5', '0.95', '0.99'],
  outcomeTag: 'outcome',
  successOutcome: 'SUCCESS',
  bytesWritten: 'smtp.client.sent',
  bytesRead: 'smtp.client.received',
  // a meter name, then the tags that select the series
  pool: { active: ['smtp.client.connections', 'state:active'], idle: ['smtp.client.connections', 'state:idle'],
    pending: ['smtp.client.connections.pending'], max: ['smtp.client.connections.max'] }
};
// the TLS protocol is found as a flat detail ("tls.protocol", "tlsProtocol") or nested ("tls": {"protocol": ...})
const HEALTH = { component: 'smtp', tlsProtocolKey: /^tls[._-]?protocol$/i, tlsKey: /^tls$/i };
const POLL_MILLIS = 2000;
const POINTS = 60;
const COLORS = ['#2f6fed', '#1e7a46', '#b42318', '#c27c0e', '#7b3fe4', '#0e7c86'];

const charts = {
  sends: lineChart('chart-sends', 'sends/s'),
  latency: lineChart('chart-latency', 'ms'),
  bytes: lineChart('chart-bytes', 'bytes/s'),
  pool: lineChart('chart-pool', 'connections')
};
let names = [];
let previous = null;

function lineChart(id, unit) {
  return new Chart(document.getElementById(id), {
    type: 'line',
    data: { labels: [], datasets: [] },
    options: {
      animation: false, responsive: true, spanGaps: true,
      interaction: { mode: 'index', intersect: false },
      scales: { y: { beginAtZero: true, title: { display: true, text: unit } }, x: { ticks: { maxTicksLimit: 6 } } },
      elements: { point: { radius: 0 } }
    }
  });
}

// a meter by its name, or failing that, the listed name closest to it (the same last two segments)
function resolve(wanted) {
  if (names.includes(wanted)) {
    return wanted;
  }
  const tail = wanted.split('.').slice(-2).join('.');
  return names.find((name) => name.startsWith('smtp') && name.endsWith(tail)) || null;
}

async function json(url) {
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  if (response.status === 404) {
    return null;
  }
  return response.json();
}

async function meter(name, tags) {
  if (!name) {
    return null;
  }
  const query = (tags || []).map((tag) => 'tag=' + encodeURIComponent(tag)).join('&');
  return json('/actuator/metrics/' + encodeURIComponent(name) + (query ? '?' + query : ''));
}

function statistic(body, wanted) {
  const found = body && body.measurements.find((m) => m.statistic === wanted);
  return found ? found.value : null;
}

function tagValues(body, tag) {
  const found = body && (body.availableTags || []).find((t) => t.tag === tag);
  return found ? found.values.slice().sort() : [];
}

async function sample() {
  const transaction = resolve(METERS.transaction);
  const all = await meter(transaction);
  const counts = {};
  for (const outcome of tagValues(all, METERS.outcomeTag)) {
    counts[outcome] = statistic(await meter(transaction, [METERS.outcomeTag + ':' + outcome]), 'COUNT') || 0;
  }
  if (all && Object.keys(counts).length === 0) {
    counts.all = statistic(all, 'COUNT') || 0;
  }
  const latency = await quantiles();
  const bytes = {
    written: statistic(await meter(resolve(METERS.bytesWritten)), 'COUNT'),
    read: statistic(await meter(resolve(METERS.bytesRead)), 'COUNT')
  };
  const pool = {};
  for (const [label, [name, ...tags]] of Object.entries(METERS.pool)) {
    pool[label] = statistic(await meter(resolve(name), tags), 'VALUE');
  }
  return { at: Date.now(), counts, latency, bytes, pool };
}

// p50/p95/p99 of successful sends in milliseconds, the highest over the clients
async function quantiles() {
  const latency = {};
  const label = (phi) => 'p' + String(Math.round(Number(phi) * 100));
  METERS.percentiles.forEach((phi) => { latency[label(phi)] = null; });
  const response = await fetch('/actuator/prometheus', { headers: { Accept: 'text/plain' } });
  if (!response.ok) {
    return latency;
  }
  const prefix = METERS.prometheusTransaction + '{';
  for (const line of (await response.text()).split('\n')) {
    const end = line.lastIndexOf('}');
    if (!line.startsWith(prefix) || end < 0) {
      continue;
    }
    const labels = line.slice(prefix.length, end);
    const quantile = /quantile="([^"]+)"/.exec(labels);
    if (!quantile || !METERS.percentiles.includes(quantile[1])
        || !labels.includes(METERS.outcomeTag + '="' + METERS.successOutcome + '"')) {
      continue;
    }
    const seconds = Number(line.slice(end + 1).trim().split(' ')[0]);
    if (!Number.isNaN(seconds)) {
      latency[label(quantile[1])] = Math.max(latency[label(quantile[1])] || 0, seconds * 1000);
    }
  }
  return latency;
}

function rates(now, before, key) {
  const result = {};
  const seconds = before ? (now.at - before.at) / 1000 : 0;
  Object.entries(now[key]).forEach(([label, value]) => {
    const old = before && before[key][label];
    result[label] = (seconds > 0 && value !== null && old !== undefined && old !== null)
      ? Math.max(0, (value - old) / seconds) : (value === null ? null : 0);
  });
  return result;
}

function push(chart, label, values) {
  chart.data.labels.push(label);
  Object.entries(values).forEach(([name, value]) => {
    let dataset = chart.data.datasets.find((d) => d.label === name);
    if (!dataset) {
      const color = COLORS[chart.data.datasets.length % COLORS.length];
      dataset = { label: name, data: new Array(chart.data.labels.length - 1).fill(null), borderColor: color,
        backgroundColor: color, borderWidth: 2, tension: 0 };
      chart.data.datasets.push(dataset);
    }
    dataset.data.push(value);
  });
  chart.data.datasets.forEach((d) => {
    while (d.data.length < chart.data.labels.length) {
      d.data.push(null);
    }
  });
  while (chart.data.labels.length > POINTS) {
    chart.data.labels.shift();
    chart.data.datasets.forEach((d) => d.data.shift());
  }
  chart.update('none');
}

async function pollMetrics() {
  names = ((await json('/actuator/metrics')) || { names: [] }).names;
  const now = await sample();
  const label = new Date(now.at).toLocaleTimeString();
  push(charts.sends, label, rates(now, previous, 'counts'));
  push(charts.latency, label, now.latency);
  push(charts.bytes, label, rates(now, previous, 'bytes'));
  push(charts.pool, label, now.pool);
  previous = now;
}

function detailText(value) {
  if (Array.isArray(value)) {
    return value.join(', ');
  }
  return (value !== null && typeof value === 'object') ? JSON.stringify(value) : String(value);
}

function tlsProtocol(details) {
  for (const [key, value] of Object.entries(details)) {
    if (HEALTH.tlsProtocolKey.test(key) && typeof value === 'string') {
      return value;
    }
    if (HEALTH.tlsKey.test(key) && value && typeof value.protocol === 'string') {
      return value.protocol;
    }
  }
  return null;
}

async function pollHealth() {
  const response = await fetch('/actuator/health', { headers: { Accept: 'application/json' } });
  const health = await response.json();
  const component = (health.components || {})[HEALTH.component] || health;
  const details = component.details || {};
  const status = document.getElementById('health-status');
  const tls = tlsProtocol(details);
  status.textContent = component.status + (tls ? ' · ' + tls : '');
  status.className = 'status ' + (component.status === 'UP' ? 'up' : 'down');
  document.getElementById('health-card').className = 'card wide ' + (component.status === 'UP' ? 'ok' : 'error');
  const table = document.getElementById('health-details');
  table.replaceChildren(...Object.entries(details).map(([key, value]) => {
    const tr = row(key, detailText(value));
    tr.dataset.detail = key;
    return tr;
  }));
}

async function poll() {
  try {
    await Promise.all([pollMetrics(), pollHealth()]);
  } catch (error) {
    document.getElementById('health-status').textContent = 'unreachable: ' + error.message;
  } finally {
    setTimeout(poll, POLL_MILLIS);
  }
}

// the test batch: started with POST, followed with GET until it has finished
const batchButton = document.getElementById('send-batch');
const batchProgress = document.getElementById('batch-progress');
const batchStatus = document.getElementById('batch-status');

function showBatch(progress) {
  document.getElementById('batch').hidden = progress.total === 0;
  batchProgress.max = progress.total || 1;
  batchProgress.value = progress.sent + progress.failed;
  batchStatus.textContent = progress.sent + ' sent, ' + progress.failed + ' failed of ' + progress.total
    + (progress.running ? '…' : ' (done)');
  batchStatus.dataset.done = String(!progress.running);
  batchButton.disabled = progress.running;
}

async function followBatch() {
  const progress = await json('/api/test-batch');
  showBatch(progress);
  if (progress.running) {
    setTimeout(followBatch, 300);
  }
}

batchButton.addEventListener('click', async () => {
  batchButton.disabled = true;
  const response = await fetch('/api/test-batch', { method: 'POST', headers: { Accept: 'application/json' } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    document.getElementById('batch-hint').textContent = body.detail || 'The batch did not start.';
    batchButton.disabled = false;
    return;
  }
  showBatch(body);
  followBatch();
});

fetch('/api/inbox').then((r) => r.json()).then((inbox) => {
  if (!inbox.embedded) {
    batchButton.disabled = true;
    document.getElementById('batch-hint').textContent =
      'Test batches go only to the embedded server; mail goes to the server in smtp.url.';
  }
}).catch(() => {});

document.getElementById('poll-seconds').textContent = String(POLL_MILLIS / 1000);
followBatch().catch(() => {});
poll();
