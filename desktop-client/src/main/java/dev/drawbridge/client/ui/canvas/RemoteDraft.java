package dev.drawbridge.client.ui.canvas;

/**
 * Text another member is typing and has not committed (R91), drawn at board (x, y) in their colour.
 *
 * @param elementId the text element they edit, or null for new text
 */
public record RemoteDraft(
    String clientId,
    String name,
    String color,
    String elementId,
    double x,
    double y,
    double fontSize,
    String text) {}
