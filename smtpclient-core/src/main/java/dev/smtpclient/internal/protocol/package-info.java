/**
 * The wire format: one type per command (each line formed and its parameters checked in
 * one place), the client name for EHLO, bounded reply parsing, the DATA encoder (CRLF
 * normalisation, dot-stuffing, end of data), the one control-character check and the
 * escaping of text written to the protocol log. Depends on nothing above it. Internal:
 * not exported, may change in any release.
 */
@NullMarked
package dev.smtpclient.internal.protocol;

import org.jspecify.annotations.NullMarked;
