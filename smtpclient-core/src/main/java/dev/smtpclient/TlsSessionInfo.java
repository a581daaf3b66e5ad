package dev.smtpclient;

/**
 * The negotiated TLS parameters of a connection.
 *
 * @param protocol for example {@code TLSv1.3}
 * @param cipherSuite for example {@code TLS_AES_256_GCM_SHA384}
 */
public record TlsSessionInfo(String protocol, String cipherSuite) {
}
