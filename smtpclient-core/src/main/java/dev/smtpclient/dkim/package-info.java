/**
 * DKIM signing (RFC 6376) of outgoing messages: {@link dev.smtpclient.dkim.DkimSigner}
 * and its keys. Part of the API.
 */
package dev.smtpclient.dkim;
