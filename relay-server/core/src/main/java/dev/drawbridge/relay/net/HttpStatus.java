package dev.drawbridge.relay.net;

/**
 * The reason phrases of the HTTP statuses the relay answers with: handshake refusals here, and the
 * server application's {@code /healthz} and {@code /metrics} port. One table, so both speak alike.
 */
public final class HttpStatus {
  private HttpStatus() {}

  /** The reason phrase of {@code status} (RFC 9110), or "Error" for one the relay never sends. */
  public static String phrase(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 429 -> "Too Many Requests";
      case 431 -> "Request Header Fields Too Large";
      case 503 -> "Service Unavailable";
      default -> "Error";
    };
  }
}
