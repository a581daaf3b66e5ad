/**
 * A messages-per-second budget shared by every instance of the application
 * ({@code smtp.rate-limit.shared}).
 */
@NullMarked
package dev.smtpclient.autoconfigure.ratelimit;

import org.jspecify.annotations.NullMarked;
