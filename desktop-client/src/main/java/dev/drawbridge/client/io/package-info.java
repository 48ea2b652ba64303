/**
 * Boards on disk and out of the app: the versioned {@code .drawbridge} file format (a JSON wrapper
 * around the protocol's board snapshot), and exports to PNG, SVG and PDF. Errors come back as
 * {@link dev.drawbridge.client.io.BoardFileException} with a reason the UI can put in plain words.
 */
package dev.drawbridge.client.io;
