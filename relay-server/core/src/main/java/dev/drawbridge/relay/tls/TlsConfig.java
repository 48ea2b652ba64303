package dev.drawbridge.relay.tls;

import java.nio.file.Path;

/**
 * Where the relay's certificate comes from: a PKCS12 keystore, or a PEM certificate chain plus a
 * PEM (PKCS#8) private key such as certbot's {@code fullchain.pem} and {@code privkey.pem}.
 */
public sealed interface TlsConfig {

  /** A PKCS12 keystore holding one private key entry and its chain. */
  record Keystore(Path file, char[] password) implements TlsConfig {}

  /** PEM files: the certificate chain (leaf first) and an unencrypted PKCS#8 private key. */
  record Pem(Path certificateChain, Path privateKey) implements TlsConfig {}
}
