package dev.drawbridge.relay.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * Builds the relay's server {@link SSLContext} from a {@link TlsConfig}. PEM keys are read with the
 * JDK alone (see docs/decisions/0002-tls-without-bouncycastle.md): PKCS#8 RSA, EC and Ed25519 keys
 * work; a PKCS#1 ("BEGIN RSA PRIVATE KEY") key is refused with the command that converts it.
 */
public final class TlsContexts {
  private static final Pattern PEM_BLOCK =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([^-]+)-----END \\1-----");
  private static final char[] NO_PASSWORD = new char[0];

  private TlsContexts() {}

  /**
   * The server context for {@code config}.
   *
   * @throws IOException when a file is missing or is not what it should be, with plain words
   */
  public static SSLContext serverContext(TlsConfig config) throws IOException {
    try {
      KeyStore keyStore =
          switch (config) {
            case TlsConfig.Keystore ks -> loadPkcs12(ks);
            case TlsConfig.Pem pem -> fromPem(pem);
          };
      char[] password = config instanceof TlsConfig.Keystore ks ? ks.password() : NO_PASSWORD;
      KeyManagerFactory kmf =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(keyStore, password);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(kmf.getKeyManagers(), null, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot set up TLS: " + e.getMessage(), e);
    }
  }

  private static KeyStore loadPkcs12(TlsConfig.Keystore config)
      throws IOException, GeneralSecurityException {
    KeyStore keyStore = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(config.file())) {
      keyStore.load(in, config.password());
    }
    return keyStore;
  }

  private static KeyStore fromPem(TlsConfig.Pem config)
      throws IOException, GeneralSecurityException {
    List<Certificate> chain = new ArrayList<>();
    CertificateFactory certificates = CertificateFactory.getInstance("X.509");
    for (byte[] der : blocks(Files.readString(config.certificateChain()), "CERTIFICATE")) {
      chain.add(certificates.generateCertificate(new java.io.ByteArrayInputStream(der)));
    }
    if (chain.isEmpty()) {
      throw new IOException(config.certificateChain() + " holds no PEM certificate");
    }
    String keyPem = Files.readString(config.privateKey(), StandardCharsets.US_ASCII);
    if (keyPem.contains("BEGIN RSA PRIVATE KEY") || keyPem.contains("BEGIN EC PRIVATE KEY")) {
      throw new IOException(
          config.privateKey()
              + " is a PKCS#1/SEC1 key; convert it once with: "
              + "openssl pkcs8 -topk8 -nocrypt -in old.pem -out key.pem");
    }
    List<byte[]> keys = blocks(keyPem, "PRIVATE KEY");
    if (keys.isEmpty()) {
      throw new IOException(config.privateKey() + " holds no unencrypted PKCS#8 private key");
    }
    PrivateKey key = privateKey(keys.getFirst());
    KeyStore keyStore = KeyStore.getInstance("PKCS12");
    keyStore.load(null, null);
    keyStore.setKeyEntry("relay", key, NO_PASSWORD, chain.toArray(Certificate[]::new));
    return keyStore;
  }

  private static PrivateKey privateKey(byte[] pkcs8) throws GeneralSecurityException {
    GeneralSecurityException last = null;
    for (String algorithm : List.of("RSA", "EC", "Ed25519", "RSASSA-PSS")) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
      } catch (GeneralSecurityException e) {
        last = e;
      }
    }
    throw last;
  }

  private static List<byte[]> blocks(String pem, String type) {
    List<byte[]> result = new ArrayList<>();
    Matcher m = PEM_BLOCK.matcher(pem);
    while (m.find()) {
      if (m.group(1).equals(type)) {
        result.add(Base64.getMimeDecoder().decode(m.group(2)));
      }
    }
    return result;
  }
}
