/**
 * Copy and paste without a screen: the Drawbridge clipboard format ({@link
 * dev.drawbridge.client.clipboard.ClipFormat}: versioned JSON holding the elements as the protocol
 * codec writes them and the bytes of the pictures they show, bounded so hostile content is refused
 * before it can exhaust memory), where pasted elements land and how they are re-identified and
 * re-bound ({@link dev.drawbridge.client.clipboard.Pasting}), and plain text as a text element
 * ({@link dev.drawbridge.client.clipboard.TextClip}). The system clipboard itself is {@code
 * client.ui.clipboard}'s.
 */
package dev.drawbridge.client.clipboard;
