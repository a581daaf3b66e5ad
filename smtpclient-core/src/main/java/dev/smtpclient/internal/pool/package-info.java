/**
 * The connection pool behind {@link dev.smtpclient.SmtpClient}, the batch sender of
 * {@link dev.smtpclient.SmtpClient#sendAll} and the rate limiter. Lends sessions from the
 * session package; the client hands a batch what it needs, so nothing here calls back
 * into the client. Internal: not exported, may change in any release.
 */
@NullMarked
package dev.smtpclient.internal.pool;

import org.jspecify.annotations.NullMarked;
