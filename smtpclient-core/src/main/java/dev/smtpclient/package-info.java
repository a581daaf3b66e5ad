/**
 * The public API of smtpclient.
 * <p>
 * Start with {@link dev.smtpclient.SmtpClient} (thread-safe, pooled) built from a URL
 * such as {@code esmtptls://user:password@smtp.example.com};
 * {@link dev.smtpclient.SmtpConnection} is one session on one connection for those who
 * manage connections themselves. Messages are composed with
 * {@link dev.smtpclient.message.Message} or handed over as
 * {@link dev.smtpclient.Envelope} plus {@link dev.smtpclient.MessageContent}. Every
 * failure is a {@link dev.smtpclient.SmtpException}; bad input is an
 * {@link dev.smtpclient.InvalidInputException} raised before anything is written.
 * <p>
 * One send: the pool lends a connection (greeted, secured and authenticated once) → a
 * mail transaction writes MAIL, RCPT and DATA (pipelined when offered) → the content
 * streams through the data encoder (CRLF, dot-stuffing) into the transport → replies are
 * parsed within their bounds → a {@link dev.smtpclient.SendResult} → the connection goes
 * back to the pool, or is closed if its state is in doubt. Events reach the
 * {@link dev.smtpclient.SmtpEventListener} along the way.
 * <p>
 * This package, {@code dev.smtpclient.message} and {@code dev.smtpclient.dkim} are the
 * API: the module exports them and nothing else. The engine lives in
 * {@code dev.smtpclient.internal.*}: {@code session} (one session), {@code pool} (the
 * pool and batches), {@code protocol} (the wire format) and {@code transport} (sockets
 * and TLS).
 */
@NullMarked
package dev.smtpclient;

import org.jspecify.annotations.NullMarked;
