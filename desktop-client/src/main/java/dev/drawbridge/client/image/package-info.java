/**
 * Picture files in and out of the app's own sizes, without JavaFX: {@code ImageImport} turns a file
 * a user brings (PNG, JPEG, GIF, BMP, WebP) into bytes fit for a blob (R107: at most 4,096 pixels a
 * side and 10 MiB), {@code ImageDecoding} reads a blob's header before any pixel is decoded and
 * decodes with source subsampling, so memory follows the size asked for and not the file's claim
 * (R115), and {@code PictureCache} keeps decoded pictures at power-of-two levels in an LRU bounded
 * by pixel bytes. The canvas (client.ui.canvas) turns those into what it paints.
 */
package dev.drawbridge.client.image;
