package dev.drawbridge.client.ui.canvas;

import java.util.List;

/** The elements another member has selected, drawn in their colour with their name (R92). */
public record RemoteSelection(String clientId, String name, String color, List<String> ids) {}
