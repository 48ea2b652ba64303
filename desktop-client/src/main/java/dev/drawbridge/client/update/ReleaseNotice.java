package dev.drawbridge.client.update;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.Optional;

/**
 * What a release's {@code latest.json} says: {@code {"version":"1.2.0","url":"https://…"}}. Read
 * from the network, so strictly: a version of three numbers and an https address, or nothing.
 *
 * @param version e.g. {@code 1.2.0}
 * @param url where the release can be downloaded (opened in the browser, never fetched)
 */
public record ReleaseNotice(String version, URI url) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The notice in {@code json}, or empty when it is not one. */
  public static Optional<ReleaseNotice> parse(String json) {
    try {
      JsonNode node = JSON.readTree(json);
      if (node == null || !node.isObject()) {
        return Optional.empty();
      }
      String version = node.path("version").asText("");
      String url = node.path("url").asText("");
      if (!Versions.isRelease(version) || url.length() > 1000) {
        return Optional.empty();
      }
      URI uri = URI.create(url);
      if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
        return Optional.empty();
      }
      return Optional.of(new ReleaseNotice(version, uri));
    } catch (RuntimeException | java.io.IOException e) {
      return Optional.empty();
    }
  }
}
