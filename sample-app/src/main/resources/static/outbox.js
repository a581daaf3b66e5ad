'use strict';

// With sample.outbox=true: lists the messages this tab queued and follows each one's state
// (GET /api/outbox/{id}) until it is final. The list survives a reload (sessionStorage).
const outbox = (() => {
  const STORE = 'sample.outbox.messages';
  const card = document.getElementById('outbox');
  const table = document.getElementById('outbox-messages');
  const messages = JSON.parse(sessionStorage.getItem(STORE) || '[]');
  let timer = null;

  function save() {
    sessionStorage.setItem(STORE, JSON.stringify(messages));
  }

  function render() {
    card.hidden = messages.length === 0 && card.dataset.enabled !== 'true';
    const header = table.querySelector('tr');
    table.replaceChildren(header, ...messages.map((m) => el('tr', { 'data-id': m.id, class: 'outbox-message' },
      el('td', {}, m.subject || '(no subject)'), el('td', {}, m.to || ''),
      el('td', {}, el('span', { class: 'state state-' + m.state.toLowerCase() }, m.state)),
      el('td', {}, String(m.attempts)),
      el('td', {}, m.reply || m.lastError || (m.nextAttemptAt && m.state === 'RETRYING'
        ? 'next attempt ' + new Date(m.nextAttemptAt).toLocaleTimeString() : '')))));
  }

  async function poll() {
    timer = null;
    const pending = messages.filter((m) => !m.done);
    await Promise.all(pending.map(async (m) => {
      const response = await fetch('/api/outbox/' + encodeURIComponent(m.id)).catch(() => null);
      if (response && response.ok) {
        Object.assign(m, await response.json());
      } else if (response && response.status === 404) {
        m.done = true; // deleted by retention, or another database
      }
    }));
    save();
    render();
    schedule();
  }

  function schedule() {
    if (timer === null && messages.some((m) => !m.done)) {
      timer = setTimeout(poll, 500);
    }
  }

  function track(report, subject, to) {
    messages.unshift(Object.assign({ subject, to }, report));
    save();
    render();
    schedule();
  }

  fetch('/api/outbox').then((r) => r.json()).then((status) => {
    card.dataset.enabled = String(status.enabled);
    render();
  }).catch(() => {});
  render();
  schedule();
  return { track };
})();
