'use strict';

// Sends the form to POST /api/messages (multipart) and shows the server's replies or the problem detail.
const form = document.getElementById('compose');
const result = document.getElementById('result');
const sending = document.getElementById('sending');
const sendButton = document.getElementById('send');

// the core's field names, mapped to the form's inputs
const FIELD_INPUTS = {
  from: 'from', to: 'to', cc: 'cc', bcc: 'bcc', recipients: 'to', subject: 'subject',
  body: 'text', html: 'html', attachments: 'attachments', fileName: 'attachments', mimeType: 'attachments'
};

function reply(r) {
  return r.code + ' ' + r.text.replace(/\n/g, ' ');
}

function showSent(report) {
  const recipients = el('table', { id: 'recipients' },
    el('tr', {}, el('th', {}, 'Recipient'), el('th', {}, 'Reply')));
  report.recipients.forEach((r) => recipients.append(
    el('tr', { class: r.accepted ? 'accepted' : 'rejected' }, el('td', {}, r.address), el('td', {}, reply(r.reply)))));
  const summary = el('table', {},
    row('Server reply', reply(report.finalReply)),
    row('Queue id', report.queueId || '–'),
    row('Time taken', report.durationMillis + ' ms'),
    row('Message size', report.bytesSent + ' bytes'),
    row('Attempts', String(report.attempts)));
  summary.querySelector('td').id = 'final-reply';
  result.className = 'card ok';
  result.replaceChildren(el('h1', { id: 'result-title' }, 'Sent'), summary, el('h2', {}, 'Recipients'), recipients,
    el('p', { class: 'hint' }, 'With the embedded server, see it on the ', el('a', { href: '/inbox.html' }, 'Inbox'),
      ' page.'));
}

function showQueued(report) {
  result.className = 'card ok';
  result.replaceChildren(el('h1', { id: 'result-title' }, 'Queued'),
    el('table', {}, row('Outbox id', report.id), row('Message-ID', report.messageId), row('State', report.state)),
    el('p', { class: 'hint' }, 'The outbox sends it; follow it below.'));
}

function showProblem(problem) {
  result.className = 'card error';
  const details = el('table', {}, row('Problem', problem.detail || problem.title || 'unknown error'));
  if (problem.field) {
    details.append(row('Field', problem.field));
    const input = document.getElementById(FIELD_INPUTS[problem.field] || problem.field);
    if (input) {
      input.classList.add('invalid');
      input.focus();
    }
  }
  if (problem.replyCode) {
    details.append(row('Reply code', String(problem.replyCode)));
  }
  (problem.recipients || []).forEach((r) => details.append(row(r.address, r.reply)));
  result.replaceChildren(el('h1', { id: 'result-title' }, problem.status === 400 ? 'Not sent: invalid input'
    : 'Not sent'), details);
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  form.querySelectorAll('.invalid').forEach((input) => input.classList.remove('invalid'));
  sendButton.disabled = true;
  sending.hidden = false;
  try {
    const response = await fetch('/api/messages', { method: 'POST', body: new FormData(form),
      headers: { Accept: 'application/json, application/problem+json' } });
    const body = await response.json().catch(() => ({ status: response.status, title: response.statusText }));
    if (response.status === 202) {
      showQueued(body);
      outbox.track(body, form.elements.subject.value, form.elements.to.value);
    } else if (response.ok) {
      showSent(body);
    } else {
      showProblem(body);
    }
  } catch (error) {
    showProblem({ title: 'The request failed: ' + error.message });
  } finally {
    result.hidden = false;
    sendButton.disabled = false;
    sending.hidden = true;
  }
});

fetch('/api/inbox').then((r) => r.json()).then((inbox) => {
  const hint = document.getElementById('server-hint');
  hint.append(el('br'), inbox.embedded
    ? 'Mail goes to the embedded SMTP server on localhost:' + inbox.port + ' (STARTTLS and AUTH); it shows up in the Inbox.'
    : 'Mail goes to the server in smtp.url.');
}).catch(() => {});
