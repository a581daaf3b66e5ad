/**
 * DKIM signing (RFC 6376) of outgoing messages: {@link dev.smtpclient.dkim.DkimSigner}
 * and its keys. Part of the API.
 */
@NullMarked
package dev.smtpclient.dkim;

import org.jspecify.annotations.NullMarked;
