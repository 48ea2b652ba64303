/**
 * Timelapse export (issue 17, ADR 0011 point 8): a board's history played back as an animated GIF,
 * its changes spread over the frames by count ({@link FramePlan}), each frame a board replayed from
 * the history and drawn by a {@link FrameRenderer} (the app's is the PNG export's renderer),
 * written with the JDK's own ImageIO GIF writer ({@link GifFrames}). Runs on a background thread
 * with progress and cancellation; JavaFX-free, so the renderer is the only part that needs a
 * screen.
 */
package dev.drawbridge.client.timelapse;
