package dev.drawbridge.client.ui.canvas;

/** Another member's pointer on the board, drawn with their name in their colour. */
public record RemoteCursor(String clientId, String name, String color, double x, double y) {}
