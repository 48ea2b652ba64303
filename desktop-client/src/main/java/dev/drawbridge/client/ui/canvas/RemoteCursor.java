package dev.drawbridge.client.ui.canvas;

/**
 * Another member's pointer on the board, drawn with their name in their colour.
 *
 * @param initial shown in a badge before the name when someone else in the room has the same colour
 *     (the colour is then a variant of it), otherwise null
 */
public record RemoteCursor(
    String clientId, String name, String color, String initial, double x, double y) {}
