/**
 * One SMTP session: {@link dev.smtpclient.internal.session.Session}, the state behind the
 * public {@link dev.smtpclient.SmtpConnection}; its
 * {@link dev.smtpclient.internal.session.CommandChannel}, the one class that writes
 * commands, reads replies and decides whether the connection may carry more; and the
 * steps that talk through that channel (the handshake, AUTH, the mail transaction, BDAT
 * chunks, a sequence of pipelined messages), plus the shielding of event listeners. The
 * steps know the channel, never the session. Uses the protocol and transport packages;
 * knows nothing of the pool. Internal: not exported, may change in any release.
 */
@NullMarked
package dev.smtpclient.internal.session;

import org.jspecify.annotations.NullMarked;
