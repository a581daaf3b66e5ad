/**
 * Auto-configuration of a pooled {@link dev.smtpclient.SmtpClient} from {@code smtp.*}
 * properties or a service connection.
 */
@NullMarked
package dev.smtpclient.autoconfigure;

import org.jspecify.annotations.NullMarked;
