/**
 * Service connections to SMTP containers started with Testcontainers.
 */
@NullMarked
package dev.smtpclient.autoconfigure.testcontainers;

import org.jspecify.annotations.NullMarked;
