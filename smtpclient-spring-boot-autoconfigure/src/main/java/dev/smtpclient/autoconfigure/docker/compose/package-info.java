/**
 * Service connections to SMTP servers started with Docker Compose.
 */
@NullMarked
package dev.smtpclient.autoconfigure.docker.compose;

import org.jspecify.annotations.NullMarked;
