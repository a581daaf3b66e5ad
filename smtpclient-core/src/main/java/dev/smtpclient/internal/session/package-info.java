/**
 * One SMTP session: {@link dev.smtpclient.internal.session.Session}, the state behind the
 * public {@link dev.smtpclient.SmtpConnection}, and the steps it runs (the handshake,
 * AUTH, the mail transaction, BDAT chunks, a sequence of pipelined messages), plus the
 * shielding of event listeners. Uses the protocol and transport packages; knows nothing
 * of the pool. Internal: not exported, may change in any release.
 */
package dev.smtpclient.internal.session;
