package dev.drawbridge.client.timelapse;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

/**
 * An animated GIF written with the JDK's own ImageIO GIF writer (no library, ADR 0011): each frame
 * carries its delay in a graphic control extension, the first the NETSCAPE2.0 extension that makes
 * viewers loop forever. The writer reduces each RGB frame to a 256-colour palette itself.
 */
public final class GifFrames implements FrameSink {
  private static final String FORMAT = "javax_imageio_gif_image_1.0";
  private final ImageWriter writer;
  private final ImageOutputStream out;
  private boolean first = true;

  public GifFrames(Path file) throws IOException {
    writer = ImageIO.getImageWritersByFormatName("gif").next();
    // ImageIO writes into an existing file without truncating it: a shorter GIF would keep the old
    // one's tail.
    java.nio.file.Files.deleteIfExists(file);
    out = ImageIO.createImageOutputStream(file.toFile());
    if (out == null) {
      throw new IOException("cannot write " + file);
    }
    writer.setOutput(out);
    writer.prepareWriteSequence(null);
  }

  @Override
  public void add(BufferedImage frame, int delayCentis) throws IOException {
    ImageWriteParam param = writer.getDefaultWriteParam();
    IIOMetadata meta =
        writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(frame), param);
    IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(FORMAT);
    IIOMetadataNode control = child(root, "GraphicControlExtension");
    control.setAttribute("disposalMethod", "none");
    control.setAttribute("userInputFlag", "FALSE");
    control.setAttribute("transparentColorFlag", "FALSE");
    control.setAttribute("delayTime", Integer.toString(Math.max(1, delayCentis)));
    control.setAttribute("transparentColorIndex", "0");
    if (first) {
      IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
      app.setAttribute("applicationID", "NETSCAPE");
      app.setAttribute("authenticationCode", "2.0");
      app.setUserObject(new byte[] {1, 0, 0}); // sub-block 1, loop count 0: forever
      child(root, "ApplicationExtensions").appendChild(app);
      first = false;
    }
    meta.setFromTree(FORMAT, root);
    writer.writeToSequence(new IIOImage(frame, null, meta), param);
  }

  private static IIOMetadataNode child(IIOMetadataNode root, String name) {
    for (int i = 0; i < root.getLength(); i++) {
      if (root.item(i).getNodeName().equals(name)) {
        return (IIOMetadataNode) root.item(i);
      }
    }
    IIOMetadataNode node = new IIOMetadataNode(name);
    root.appendChild(node);
    return node;
  }

  @Override
  public void close() throws IOException {
    try {
      writer.endWriteSequence();
    } finally {
      out.close();
      writer.dispose();
    }
  }
}
