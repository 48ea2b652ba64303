/**
 * "Export timelapse…" (issue 17): the dialog that asks what to export ({@link TimelapseDialog}),
 * the frame renderer that draws with the PNG export's renderer on the JavaFX thread ({@link
 * FxFrameRenderer}) and the background run with its progress window and cancel ({@link
 * TimelapseRun}). The export itself is {@code client.timelapse}'s.
 */
package dev.drawbridge.client.ui.timelapse;
