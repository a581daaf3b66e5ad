/**
 * The wire format: bounded reply parsing and the DATA encoder (CRLF normalisation, dot-stuffing, end of data).
 * Internal: not API, may change in any release.
 */
package dev.smtpclient.internal.protocol;
