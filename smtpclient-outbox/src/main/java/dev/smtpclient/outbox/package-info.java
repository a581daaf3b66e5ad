/**
 * A durable, transactional outbox for {@link dev.smtpclient.SmtpClient}:
 * {@link dev.smtpclient.outbox.SmtpOutbox} stores each message in a table of the
 * application's own database, in the caller's transaction, and workers on every instance
 * claim due rows ({@code SELECT ... FOR UPDATE SKIP LOCKED}), send them through the
 * pooled client and record one outcome per message. The schema ships under
 * {@code db/smtpclient-outbox/}.
 */
@NullMarked
package dev.smtpclient.outbox;

import org.jspecify.annotations.NullMarked;
