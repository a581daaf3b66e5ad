/**
 * Micrometer meters recorded from the client's connection events, and their
 * auto-configuration.
 */
@NullMarked
package dev.smtpclient.autoconfigure.metrics;

import org.jspecify.annotations.NullMarked;
