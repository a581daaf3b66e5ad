/**
 * Sockets for the protocol engine: connecting with timeouts, TLS (host-name verification,
 * SNI, TLS 1.2 or later), the STARTTLS upgrade, reads bounded by a deadline and writes
 * bounded by a watchdog. Depends on nothing above it. Internal: not exported, may change
 * in any release.
 */
@NullMarked
package dev.smtpclient.internal.transport;

import org.jspecify.annotations.NullMarked;
