/**
 * TLS for the relay itself (wss:// without a proxy): turns a PKCS12 keystore or certbot-style PEM
 * files into the server's SSLContext.
 */
package dev.drawbridge.relay.tls;
