package dev.drawbridge.client.history;

/** No history page can come now (not connected, refused for good, no history kept). */
public final class HistoryUnavailableException extends RuntimeException {
  public HistoryUnavailableException(String message) {
    super(message);
  }
}
