/**
 * A Spring {@code JavaMailSender} backed by the pooled client.
 */
@NullMarked
package dev.smtpclient.autoconfigure.mail;

import org.jspecify.annotations.NullMarked;
