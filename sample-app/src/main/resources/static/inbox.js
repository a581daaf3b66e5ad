'use strict';

// Lists what the embedded SMTP server received and shows one message: headers, bodies, attachments.
const list = document.getElementById('messages');
const status = document.getElementById('inbox-status');
const detail = document.getElementById('detail');
let selected = null;

function size(bytes) {
  return bytes < 1024 ? bytes + ' B' : bytes < 1048576 ? (bytes / 1024).toFixed(1) + ' KB'
    : (bytes / 1048576).toFixed(1) + ' MB';
}

async function load() {
  const inbox = await (await fetch('/api/inbox')).json();
  status.textContent = inbox.embedded
    ? inbox.messages.length + ' message(s) received by the embedded server on localhost:' + inbox.port
    : 'The embedded server is off: smtp.url points at a real server, so nothing arrives here.';
  list.replaceChildren(...inbox.messages.map((m) => {
    const item = el('li', { 'data-id': m.id, class: m.id === selected ? 'selected' : '' },
      el('span', { class: 'subject' }, m.subject || '(no subject)'),
      el('span', { class: 'meta' }, m.from + ' → ' + m.to.join(', ') + ' · ' + size(m.size) + ' · '
        + new Date(m.receivedAt).toLocaleTimeString()));
    item.addEventListener('click', () => show(m.id));
    return item;
  }));
  if (!selected && inbox.messages.length > 0) {
    show(inbox.messages[0].id);
  }
}

async function show(id) {
  selected = id;
  list.querySelectorAll('li').forEach((li) => li.classList.toggle('selected', li.dataset.id === id));
  const m = await (await fetch('/api/inbox/' + encodeURIComponent(id))).json();
  const base = '/api/inbox/' + encodeURIComponent(id);
  const parts = [el('h1', { id: 'message-subject' }, m.subject || '(no subject)'),
    el('table', {}, row('From', m.from), row('To', m.to), row('Cc', m.cc || '–'),
      row('Envelope', (m.envelopeFrom || '<>') + ' → ' + m.envelopeTo.join(', ')),
      row('Received', new Date(m.receivedAt).toLocaleString()), row('Size', size(m.size)))];
  if (m.attachments.length > 0) {
    const links = el('p', { class: 'attachments', id: 'attachments' });
    m.attachments.forEach((a) => links.append(el('a', { href: base + '/attachments/' + a.index,
      'data-file-name': a.fileName }, a.fileName + ' (' + a.contentType + ', ' + size(a.size) + ')')));
    parts.push(el('h2', {}, 'Attachments'), links);
  }
  if (m.text !== null) {
    parts.push(el('h2', {}, 'Text'), el('pre', { id: 'message-text' }, m.text));
  }
  if (m.html !== null) {
    // sandboxed: no scripts, no same-origin access
    const frame = el('iframe', { sandbox: '', title: 'HTML body', id: 'message-html' });
    frame.srcdoc = m.html;
    parts.push(el('h2', {}, 'HTML'), frame);
  }
  const headers = el('table', {});
  m.headers.forEach((h) => headers.append(row(h.name, h.value)));
  parts.push(el('details', {}, el('summary', {}, 'All headers'), headers),
    el('p', {}, el('a', { href: base + '/raw' }, 'Download raw message (.eml)')));
  detail.replaceChildren(...parts);
}

document.getElementById('refresh').addEventListener('click', load);
document.getElementById('clear').addEventListener('click', async () => {
  await fetch('/api/inbox', { method: 'DELETE' });
  selected = null;
  detail.replaceChildren(el('p', { class: 'hint' }, 'Select a message.'));
  load();
});
load();
