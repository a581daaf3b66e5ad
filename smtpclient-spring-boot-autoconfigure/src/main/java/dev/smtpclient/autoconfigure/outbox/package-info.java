/**
 * Auto-configuration of the durable outbox ({@code smtp.outbox.*}) on the application's
 * {@code DataSource}, with its metrics and health indicator.
 */
@NullMarked
package dev.smtpclient.autoconfigure.outbox;

import org.jspecify.annotations.NullMarked;
