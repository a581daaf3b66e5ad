/**
 * Health indicator of the SMTP server and its auto-configuration.
 */
@NullMarked
package dev.smtpclient.autoconfigure.health;

import org.jspecify.annotations.NullMarked;
