/**
 * One Micrometer observation per send, and its auto-configuration.
 */
@NullMarked
package dev.smtpclient.autoconfigure.observation;

import org.jspecify.annotations.NullMarked;
