package dev.drawbridge.client.geom;

/**
 * A guide line shown where a move or resize snapped to another shape, in board units.
 *
 * @param vertical a vertical line at x = {@code at} (else horizontal at y = {@code at})
 * @param at where the line is across
 * @param from where it starts along
 * @param to where it ends along ({@code from <= to})
 */
public record SnapGuide(boolean vertical, double at, double from, double to) {}
