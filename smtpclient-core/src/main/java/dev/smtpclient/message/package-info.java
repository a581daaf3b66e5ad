/**
 * Composing messages: {@link dev.smtpclient.message.Message} (a mutable builder-style
 * message) and {@link dev.smtpclient.message.ComposedMessage} (its immutable snapshot, a
 * {@link dev.smtpclient.Mail}), with addresses, headers, parts and the MIME writer. Part
 * of the API.
 */
@NullMarked
package dev.smtpclient.message;

import org.jspecify.annotations.NullMarked;
